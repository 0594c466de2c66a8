using System.Security.Cryptography;
using System.Text;
using NJsonSchema;
using OciLint.Core.Config;
using OciLint.Core.Engine;
using OciLint.Core.Layout;
using OciLint.Core.Rules;
using OciLint.Rules;
using OciLint.Rules.Declarative;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Config;

/// <summary>*.rule.json: the shipped examples, the built-in declarative rules, and broken files, run for real.</summary>
public sealed class DeclarativeRuleTests
{
    private static readonly Lazy<JsonSchema> RuleSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Schemas, "ocilint-rule.schema.json")).GetAwaiter().GetResult());

    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.RuleDocs, "*.rule.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Shipped_Rule_File_Passes_The_Published_Schema_And_Loads(string relative)
    {
        var path = Path.Combine(RepoPaths.Root, relative);
        RuleSchema.Value.Validate(File.ReadAllText(path)).ShouldBeEmpty();
        // rules/*.rule.json are OciLint's own (OCI ids); rules/examples/ are written as a user would.
        var builtIn = Path.GetDirectoryName(path) == RepoPaths.RuleDocs;
        var rule = DeclarativeRules.Parse(JsonFile.Read(path), builtIn);
        rule.Metadata.Description.ShouldNotBe(rule.Metadata.Title);
    }

    [Fact]
    public void Examples_Are_At_Least_Three()
    {
        Directory.GetFiles(Run.Examples, "*.rule.json").Length.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void OCI509_Is_A_Built_In_Declarative_Rule()
    {
        var rule = RuleCatalog.Find(BuiltInRules.Rules, "OCI509").ShouldBeOfType<DeclarativeRule>();
        rule.Metadata.Name.ShouldBe("manifest/layers-empty");
        rule.Metadata.HelpUri.ToString().ShouldEndWith("/rules/OCI509.md");
        RuleDocs.Get("OCI509").ShouldNotBeNull();
    }

    [Fact]
    public void Examples_Find_What_They_Describe_In_The_Samples()
    {
        var result = Check(Run.MultiTag, DeclarativeRules.LoadDirectory(Run.Examples));
        var findings = result.Findings.Where(f => f.RuleId.StartsWith("POL", StringComparison.Ordinal)).Select(f => $"{f.RuleId} {f.Location.File} {f.Location.Pointer}").ToList();
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Run.MultiTag, "index.json")))!["manifests"]![0]!["digest"]!.GetValue<string>();

        findings.ShouldBe(
            [
                "POL003 index.json /manifests/0/annotations/org.opencontainers.image.ref.name",
                $"POL001 blobs/sha256/{manifest["sha256:".Length..]} /annotations",
            ],
            ignoreOrder: true);
        result.Findings.Single(f => f.RuleId == "POL003").Message.ShouldBe("ref name \"v1\" is neither a semantic version (1.4.2, v1.4.2, 2.0.0-rc.1) nor latest");
        result.Findings.Single(f => f.RuleId == "POL001").Message.ShouldContain("required member \"annotations\" is missing");
    }

    [Theory]
    [InlineData(new[] { "amd64" }, true)]
    [InlineData(new[] { "arm64", "s390x" }, true)]
    [InlineData(new[] { "amd64", "arm64" }, false)]
    [InlineData(new[] { "arm64", "ppc64le", "amd64" }, false)]
    public void Index_Platforms_Example_Uses_Contains_And_Const(string[] architectures, bool reported)
    {
        using var temp = new TempDir();
        var layout = NestedIndexLayout(temp.Combine("image"), architectures);

        var result = Check(layout, DeclarativeRules.LoadDirectory(Run.Examples));

        var finding = result.Findings.SingleOrDefault(f => f.RuleId == "POL002");
        if (reported)
        {
            finding.ShouldNotBeNull();
            finding.Location.Pointer.ShouldBe("/manifests");
            finding.Location.File.ShouldStartWith("blobs/sha256/");
        }
        else
        {
            finding.ShouldBeNull();
        }
    }

    [Fact]
    public void Descriptor_Rule_With_Media_Types_Sees_Only_Those_Descriptors()
    {
        using var temp = new TempDir();
        var dir = Directory.CreateDirectory(temp.Combine("rules")).FullName;
        File.WriteAllText(Path.Combine(dir, "layer.rule.json"), """
            {
              "id": "TST010", "name": "test/layer-annotated", "title": "Layer without annotations", "severity": "note",
              "help": "Layers carry annotations.", "appliesTo": "descriptor",
              "mediaTypes": ["application/vnd.oci.image.layer.v1.tar+gzip"],
              "then": { "required": ["annotations"] },
              "message": "{error}"
            }
            """);

        var result = Check(Run.SingleTag, DeclarativeRules.LoadDirectory(dir));

        var finding = result.Findings.Single(f => f.RuleId == "TST010");
        finding.Location.Pointer.ShouldBe("/layers/0/annotations");
        finding.Severity.ShouldBe(OciLint.Core.Findings.Severity.Note);
        finding.Message.ShouldBe("required member \"annotations\" is missing");
    }

    public static TheoryData<string, int, int, string> BrokenRules() => new()
    {
        { "{\n  \"id\": \"TST001\", \"name\": \"test/x\", \"title\": \"t\", \"severity\": \"warning\", \"help\": \"h\",\n  \"appliesTo\": \"manifest\",\n  \"then\": { \"if\": { \"required\": [\"a\"] } },\n  \"message\": \"m\"\n}", 4, 13, "JSON Schema keyword \"if\" is not supported" },
        { "{\n  \"id\": \"TST001\", \"name\": \"test/x\", \"title\": \"t\", \"severity\": \"warning\", \"help\": \"h\",\n  \"appliesTo\": \"manifest\",\n  \"then\": {},\n  \"message\": \"at {pth}\"\n}", 5, 14, "unknown placeholder {pth}" },
        { "{\n  \"id\": \"TST001\", \"name\": \"test/x\", \"title\": \"t\", \"severity\": \"warning\", \"help\": \"h\",\n  \"appliesTo\": \"manifest\", \"given\": \"$.layers[?(@.size >\",\n  \"then\": {},\n  \"message\": \"m\"\n}", 3, 37, "\"given\" is not a valid JSONPath" },
        { "{\n  \"id\": \"OCI999\", \"name\": \"test/x\", \"title\": \"t\", \"severity\": \"warning\", \"help\": \"h\",\n  \"appliesTo\": \"manifest\",\n  \"then\": {},\n  \"message\": \"m\"\n}", 2, 9, "reserved for OciLint's own rules" },
        { "{\n  \"id\": \"TST001\", \"name\": \"test/x\", \"title\": \"t\", \"severity\": \"warning\", \"help\": \"h\",\n  \"appliesTo\": \"manifest\",\n  \"message\": \"m\"\n}", 1, 1, "required member \"then\" is missing" },
        { "{\n  \"id\": \"TST001\", \"name\": \"test/x\", \"title\": \"t\", \"severity\": \"warning\", \"help\": \"h\",\n  \"appliesTo\": \"manifests\",\n  \"then\": {},\n  \"message\": \"m\"\n}", 3, 16, "\"/appliesTo\" has a value the rule format does not allow" },
        { "{\n  \"id\": \"TST001\", \"name\": \"test/x\", \"title\": \"t\", \"severity\": \"warning\", \"help\": \"h\",\n  \"appliesTo\": \"manifest\", \"tilte\": \"x\",\n  \"then\": {},\n  \"message\": \"m\"\n}", 3, 28, "unknown member \"tilte\" (did you mean \"title\"?)" },
        { "{\n  \"id\": \"TST001\", \"name\": \"test/x\", \"title\": \"t\", \"severity\": \"warning\", \"help\": \"h\",\n  \"appliesTo\": \"manifest\",\n  \"then\": { \"$ref\": \"https://example.com/s.json\" },\n  \"message\": \"m\"\n}", 4, 21, "does not match the required pattern ^#" },
        { "{ \"id\": \"TST001\",", 1, 17, "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Broken_Rule_File_Is_Exit_2_Naming_The_File_And_The_Problem(string text, int line, int column, string problem)
    {
        using var temp = new TempDir();
        var dir = Directory.CreateDirectory(temp.Combine("rules")).FullName;
        var file = Path.Combine(dir, "broken.rule.json");
        File.WriteAllText(file, text);

        var run = Run.Cli("check", Run.SingleTag, "--rules", dir);

        run.Code.ShouldBe(2, run.ToString());
        run.Stderr.ShouldStartWith($"ocilint: {file}:{line}:{column}: ");
        run.Stderr.ShouldContain(problem);
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Two_Files_With_One_Id_Are_Rejected()
    {
        using var temp = new TempDir();
        var dir = Directory.CreateDirectory(temp.Combine("rules")).FullName;
        File.Copy(Path.Combine(Run.Examples, "ref-name-semver.rule.json"), Path.Combine(dir, "a.rule.json"));
        File.Copy(Path.Combine(Run.Examples, "ref-name-semver.rule.json"), Path.Combine(dir, "b.rule.json"));

        var run = Run.Cli("check", Run.SingleTag, "--rules", dir);

        run.Code.ShouldBe(2);
        run.Stderr.ShouldContain("rule id POL003 is already used by");
    }

    [Fact]
    public void Empty_Or_Missing_Rule_Folder_Is_A_Usage_Error()
    {
        using var temp = new TempDir();
        Run.Cli("check", Run.SingleTag, "--rules", temp.Path).Stderr.ShouldContain("holds no *.rule.json file");
        Run.Cli("check", Run.SingleTag, "--rules", temp.Combine("nope")).Stderr.ShouldContain("no such folder");
    }

    [Fact]
    public void Declarative_Rule_Is_A_Rule_Like_Any_Other_In_Commands_Config_And_Writers()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.MultiTag, temp.Combine("image"));
        Run.CopyLayout(Run.Examples, temp.Combine("policies"));
        File.WriteAllText(temp.Combine(".ocilint.json"), """{ "ruleDirectories": ["policies"], "rules": { "policy/*": "error" } }""");
        var sarif = temp.Combine("out.sarif");
        var junit = temp.Combine("out.xml");

        var check = Run.Cli("check", layout, "-f", "text", "-f", "sarif", "-o", "-", "-o", sarif, "-f", "junit", "-o", junit);

        check.Code.ShouldBe(1, check.ToString());
        check.Stdout.ShouldContain("error POL003 policy/ref-name-semver: ref name \"v1\"");
        var sarifText = File.ReadAllText(sarif);
        sarifText.ShouldContain("\"id\": \"POL003\"");
        sarifText.ShouldContain("https://github.com/ocilint/ocilint/blob/main/rules/examples/ref-name-semver.rule.json");
        sarifText.ShouldContain("\"ruleId\": \"POL003\"");
        File.ReadAllText(junit).ShouldContain("classname=\"ocilint.POL003\"");

        var rules = Run.Cli("rules", "--rules", Run.Examples);
        rules.Stdout.ShouldContain("POL002  policy/index-platforms");
        rules.Stdout.ShouldContain("OCI902  compat/index-duplicate-digest");
        var markdown = Run.Cli("rules", "--format", "markdown", "--rules", Run.Examples);
        markdown.Stdout.ShouldContain("| [POL001](https://github.com/ocilint/ocilint/blob/main/rules/examples/image-source.rule.json) | `policy/image-source` | warning |");

        var explain = Run.Cli("explain", "policy/ref-name-semver", "--config", temp.Combine(".ocilint.json"));
        explain.Code.ShouldBe(0, explain.ToString());
        explain.Stdout.ShouldContain("POL003 policy/ref-name-semver: Ref name is neither a semantic version nor latest");
        explain.Stdout.ShouldContain("**Fix**: tag the build with its full version");
    }

    [Fact]
    public void GitHub_Annotation_Escapes_A_Tricky_Message_And_Path()
    {
        using var temp = new TempDir();
        var layout = Directory.CreateDirectory(temp.Combine("odd,name:1")).FullName;
        File.WriteAllText(Path.Combine(layout, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        const string Index = """{"schemaVersion":2,"manifests":[{"annotations":{"org.opencontainers.image.ref.name":"v1"}}]}""";
        File.WriteAllText(Path.Combine(layout, "index.json"), Index);
        var column = Index.IndexOf("\"v1\"", StringComparison.Ordinal) + 1;
        var dir = Directory.CreateDirectory(temp.Combine("rules")).FullName;
        File.WriteAllText(Path.Combine(dir, "tricky.rule.json"), """
            {
              "id": "TST020", "name": "test/tricky", "title": "Tricky", "severity": "error", "help": "h",
              "appliesTo": "index-json", "given": "$.manifests[0].annotations['org.opencontainers.image.ref.name']",
              "then": { "const": "never" },
              "message": "100% sure: a, b\r\nnext line {value}"
            }
            """);

        var run = Run.Cli("check", layout, "--rules", dir, "-f", "github", "--disable", "OCI*");

        run.Code.ShouldBe(1, run.ToString());
        var file = Path.Combine(layout, "index.json").Replace(",", "%2C", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal);
        run.Stdout.ShouldBe($"::error file={file},line=1,col={column},endLine=1,endColumn={column + 4},title=TST020 test/tricky::100%25 sure: a, b%0Anext line \"v1\"\n");
    }

    private static LintResult Check(string layout, IEnumerable<IRule> extra)
    {
        using var source = LayoutSources.Open(layout);
        return new Linter(RuleCatalog.Combine([.. BuiltInRules.Rules, .. extra]), new RuleConfiguration()).Lint(source);
    }

    /// <summary>index.json → an image index blob listing one manifest per architecture (the manifests themselves are absent).</summary>
    private static string NestedIndexLayout(string folder, string[] architectures)
    {
        Directory.CreateDirectory(Path.Combine(folder, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(folder, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        var entries = architectures.Select((arch, i) =>
            $$$"""{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:{{{new string((char)('a' + i), 64)}}}","size":100,"platform":{"architecture":"{{{arch}}}","os":"linux"}}""");
        var index = Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{{string.Join(",", entries)}}]}""");
        var digest = Convert.ToHexStringLower(SHA256.HashData(index));
        File.WriteAllBytes(Path.Combine(folder, "blobs", "sha256", digest), index);
        File.WriteAllText(Path.Combine(folder, "index.json"), $$$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:{{{digest}}}","size":{{{index.Length}}},"annotations":{"org.opencontainers.image.ref.name":"1.0.0"}}]}""");
        return folder;
    }
}
