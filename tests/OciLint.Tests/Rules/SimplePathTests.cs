using System.Text;
using Newtonsoft.Json.Linq;
using OciLint.Core.Engine;
using OciLint.Core.Json;
using OciLint.Core.Model;
using OciLint.Core.Rules;
using OciLint.Rules;
using OciLint.Rules.Declarative;
using OciLint.Rules.Support;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>The declarative rules' fast path: SimplePath selects what Newtonsoft's SelectTokens selects, and a rule on a valid document needs no token tree.</summary>
public sealed class SimplePathTests
{
    private const string Document = """
        {"layers":[{"digest":"a","size":1},{"digest":"b"},3,[4]],
         "annotations":{"x.y":"1","k":"2","k":"3"},
         "config":{"mediaType":"m","size":[1,2]},
         "weird-name_1":{"0":"zero"},
         "empty":[],"obj":{}}
        """;

    public static TheoryData<string> Paths() =>
    [
        "$", "$.layers", "$.layers[*]", "$.layers[*].digest", "$.layers[0]", "$.layers[1].size", "$.layers[7]",
        "$.layers[3][0]", "$.annotations", "$.annotations.*", "$.annotations.k", "$['annotations']['x.y']",
        "$.config.*", "$.config.size[*]", "$.*", "$.*.size", "$.*[*]", "$[*]", "$.layers.*", "$.obj.*", "$.empty[*]",
        "$.weird-name_1", "$.weird-name_1.0", "$.missing", "$.missing[*].x", "$.layers[0].digest.x", "$['weird-name_1']['0']",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public void Selects_What_Newtonsoft_Selects(string path)
    {
        var root = JsonParser.Parse(Encoding.UTF8.GetBytes(Document)).Root!;
        var tree = JsonTokenTree.Of(root);
        var expected = tree.Root.SelectTokens(path).Select(t => tree.NodeOf(t)!.Pointer).Distinct().ToList();

        var simple = SimplePath.TryParse(path).ShouldNotBeNull();
        simple.Select(root).Select(n => n.Pointer).ToList().ShouldBe(expected);
    }

    [Theory]
    [InlineData("layers")]
    [InlineData("$..digest")]
    [InlineData("$.layers[?(@.size > 0)]")]
    [InlineData("$.layers[0,1]")]
    [InlineData("$.layers[-1]")]
    [InlineData("$.layers[0:2]")]
    [InlineData("$['a','b']")]
    [InlineData("$.a b")]
    [InlineData("$.")]
    [InlineData("$['it''s']")]
    public void Anything_Else_Is_Left_To_Newtonsoft(string path)
    {
        SimplePath.TryParse(path).ShouldBeNull();
    }

    [Fact]
    public void OCI509_Judges_A_Valid_Manifest_Without_Building_The_Token_Tree()
    {
        var rule = RuleCatalog.Find(BuiltInRules.Rules, "OCI509").ShouldBeOfType<DeclarativeRule>();
        var valid = Manifest("""[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:00","size":1}]""");
        Findings(rule, valid).ShouldBeEmpty();
        TokenTrees.WasBuilt(valid).ShouldBeFalse();

        var empty = Manifest("[]");
        Findings(rule, empty).Select(f => f.Location.Pointer).ShouldBe(["/layers"]);
        TokenTrees.WasBuilt(empty).ShouldBeTrue();
    }

    // A manifest reached from an index entry that declares the OCI manifest type, as the loader builds it.
    private static JsonDocumentModel Manifest(string layers)
    {
        var index = new JsonDocumentModel(DocumentKind.IndexJson, "index.json", Encoding.UTF8.GetBytes("""{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:00","size":1}]}"""), null, null);
        var entry = new DescriptorModel(index, index.Root!.Get("manifests")!.Items[0], DescriptorRole.IndexEntry, 0);
        return new(DocumentKind.Manifest, "blobs/sha256/00", Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"layers":{{layers}}}"""), "sha256:00", entry);
    }

    private static List<OciLint.Core.Findings.Finding> Findings(DeclarativeRule rule, JsonDocumentModel document)
    {
        var findings = new List<OciLint.Core.Findings.Finding>();
        rule.CheckDocument(document, new RuleContext(rule.Metadata, rule.Metadata.DefaultSeverity, new LintSettings(), findings));
        return findings;
    }
}
