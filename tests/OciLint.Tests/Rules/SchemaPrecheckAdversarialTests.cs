using System.Text;
using Newtonsoft.Json.Linq;
using OciLint.Core.Config;
using OciLint.Core.Engine;
using OciLint.Core.Json;
using OciLint.Core.Model;
using OciLint.Core.Rules;
using OciLint.Rules.Declarative;
using OciLint.Rules.Schema;
using OciLint.Rules.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>
/// Counterexamples hunted against the pre-check's one-sided contract (never "valid" where NJsonSchema 11.6.2 reports
/// an error), for the catalog schemas and for declarative rules, whose "then" NJsonSchema reads only after a
/// Newtonsoft round trip (JToken.Parse, then ToString) that turns some numbers into doubles and some strings into dates.
/// </summary>
public sealed class SchemaPrecheckAdversarialTests
{
    // Each row: a "then" schema and a value that NJsonSchema, reading the schema as a declarative rule does, rejects.
    [Theory]
    // 11.6.2 applies patternProperties to every member, declared properties included.
    [InlineData("""{"properties":{"a":{}},"patternProperties":{"^a$":{"type":"string"}}}""", """{"a":1}""")]
    [InlineData("""{"properties":{"a":{"type":"integer"}},"patternProperties":{"a":{"maximum":3}}}""", """{"a":4}""")]
    // A schema whose only allOf/anyOf member is a $ref "is" that reference (ActualSchema): NJsonSchema ignores its
    // pattern and not, so "not" of it fails although the pattern does not match.
    [InlineData("""{"not":{"pattern":"^a","allOf":[{"$ref":"#/definitions/any"}]},"definitions":{"any":{}}}""", "\"b\"")]
    [InlineData("""{"not":{"pattern":"^a","anyOf":[{"$ref":"#/definitions/any"}]},"definitions":{"any":{}}}""", "\"b\"")]
    [InlineData("""{"not":{"not":{},"allOf":[{"$ref":"#/definitions/any"}]},"definitions":{"any":{}}}""", "1")]
    [InlineData("""{"anyOf":[{"not":{"pattern":"^a","allOf":[{"$ref":"#/definitions/s"}]}}],"definitions":{"s":{"type":"string"}}}""", "\"b\"")]
    // Enum strings that Newtonsoft reads as dates: NJsonSchema compares DateTime.ToString() with the string.
    [InlineData("""{"enum":["1970-01-01T00:00:00Z"]}""", "\"1970-01-01T00:00:00Z\"")]
    [InlineData("""{"type":"string","enum":["2024-05-01T12:00:00+02:00","latest"]}""", "\"2024-05-01T12:00:00+02:00\"")]
    // Other strings that look like dates come back from the round trip rewritten.
    [InlineData("""{"required":["2020-01-01T00:00:00.000Z"]}""", """{"2020-01-01T00:00:00.000Z":1}""")]
    [InlineData("""{"pattern":"2020-01-01T00:00:00.000Z"}""", "\"2020-01-01T00:00:00X000Z\"")]
    // Bounds written with a fraction or exponent become doubles: 9007199254740993.0 is 9007199254740992 to NJsonSchema.
    [InlineData("""{"maximum":9007199254740993.0}""", "9007199254740993")]
    [InlineData("""{"minimum":-9007199254740993.0}""", "-9007199254740993")]
    // Duplicate definitions: Newtonsoft keeps the last, the pre-check must not mix the two.
    [InlineData("""{"$ref":"#/definitions/d","definitions":{"d":{"additionalProperties":{"type":"string"}},"d":{"additionalProperties":false}}}""", """{"x":"s"}""")]
    public void Declarative_Then_Never_Accepted_Where_NJsonSchema_Fails(string then, string json)
    {
        var root = Parse(json);
        var errors = RuleSchema(then).Validate(JsonTokenTree.Of(root).Root);
        errors.ShouldNotBeEmpty("the probe must be a value NJsonSchema rejects");
        PrecheckAccepts(then, root).ShouldBeFalse();
    }

    // End to end: a user's rule on a config reports what NJsonSchema finds, the pre-check notwithstanding.
    [Theory]
    [InlineData("$", """{"properties":{"os":{}},"patternProperties":{"^os$":{"enum":["linux"]}}}""", """{"os":"windows"}""")]
    [InlineData("$.created", """{"enum":["1970-01-01T00:00:00Z"]}""", """{"created":"1970-01-01T00:00:00Z"}""")]
    [InlineData("$.size", """{"maximum":9007199254740993.0}""", """{"size":9007199254740993}""")]
    public void Declarative_Rule_Reports_The_Counterexample(string given, string then, string json)
    {
        Findings(given, then, json).ShouldNotBeEmpty();
    }

    // System.Text.Json (the pre-check's reader) throws on a lone surrogate escape where Newtonsoft reads it; the rule
    // loader refuses such files first, so the pre-check never meets one.
    [Theory]
    [InlineData("""{"pattern":"^\ud800"}""")]
    [InlineData("""{"properties":{"\udc00":{"type":"string"}}}""")]
    public void Lone_Surrogates_In_Then_Are_Refused_By_The_Loader(string then)
    {
        Should.Throw<ConfigFileException>(() => Findings("$", then, "{}")).Message.ShouldContain("unpaired UTF-16 surrogate");
    }

    // A pattern .NET cannot parse: NJsonSchema only fails on it when it meets a string (no finding for a number), so
    // the pre-check must decline rather than throw RegexParseException out of the rule.
    [Fact]
    public void An_Invalid_Pattern_Leaves_The_Rule_To_NJsonSchema()
    {
        Should.Throw<NotSupportedException>(() => SchemaPrecheck.Compile("""{"pattern":"["}"""));
        Findings("$.size", """{"pattern":"["}""", """{"size":1}""").ShouldBeEmpty();
    }

    // Catalog schemas: probes near the numeric, string and structural edges; the pre-check may refuse, but never
    // accepts what NJsonSchema rejects (and accepts the plainly valid ones).
    [Theory]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":1e0}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":1E400}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":-0}]}""", true)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":-9223372036854775808}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":1,"urls":["file:x"]}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":1,"urls":["https://x/a b"]}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":1,"urls":["x"]}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":1,"urls":[""]}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b\u0000","digest":"sha256:abc","size":1}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[],"annotations":{"\ud800":"\udc00"}}""", true)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[],"annotations":{"":"x","":"y"}}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[],"annotations":{"a":"2020-01-01T00:00:00Z"}}""", true)]
    [InlineData("image-config.schema.json", """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"2015-10-31T22:22:56.015925234Z"}""", true)]
    [InlineData("image-config.schema.json", """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"2015-10-31t22:22:56Z"}""", true)]
    [InlineData("image-config.schema.json", """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"2015-10-31T22:22:56"}""", false)]
    [InlineData("image-config.schema.json", """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"2015-10-31T24:00:00Z"}""", false)]
    [InlineData("image-config.schema.json", """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"2015-10-31T22:22:56Z\n"}""", false)]
    public void Catalog_Probes(string schema, string json, bool accepted)
    {
        var root = Parse(json);
        List<string> errors;
        try
        {
            errors = SchemaCatalog.Get(schema).Validate(JsonTokenTree.Of(root).Root).Select(e => $"{e.Kind} {e.Path}").ToList();
        }
        catch (InvalidCastException e)
        {
            errors = [e.Message];
        }

        var ok = SchemaPrecheck.Accepts(schema, root);
        if (ok)
        {
            errors.ShouldBeEmpty();
        }

        ok.ShouldBe(accepted, string.Join("; ", errors));
    }

    // Keyword semantics against NJsonSchema on the same "then": what NJsonSchema says, and what the pre-check says
    // (false where NJsonSchema is laxer than the pre-check dares to be).
    [Theory]
    [InlineData("""{"type":["string","null"],"minLength":1}""", "null", true, true)]
    [InlineData("""{"type":["string","null"],"minLength":1}""", "\"\"", false, false)]
    [InlineData("""{"type":"integer"}""", "1.0", false, false)]
    [InlineData("""{"type":"integer"}""", "1e0", false, false)]
    [InlineData("""{"type":"integer"}""", "12345678901234567890", false, false)]
    [InlineData("""{"type":"number","maximum":1}""", "1E400", false, false)]
    // Enum compares ToString(): "2" is in [2] and 2 in ["2"] for NJsonSchema.
    [InlineData("""{"enum":[2]}""", "\"2\"", true, false)]
    [InlineData("""{"enum":["2"]}""", "2", true, false)]
    [InlineData("""{"enum":[1.0]}""", "1", true, false)]
    [InlineData("""{"enum":[-0]}""", "0", true, true)]
    [InlineData("""{"required":["a"]}""", "\"a\"", false, false)]
    [InlineData("""{"properties":{"":{"type":"string"}},"required":[""]}""", """{"":"x"}""", true, true)]
    [InlineData("""{"properties":{"":{"type":"string"}},"required":[""]}""", """{"":1}""", false, false)]
    [InlineData("""{"additionalProperties":false,"patternProperties":{"^x-":{}}}""", """{"x-a":1}""", true, true)]
    [InlineData("""{"additionalProperties":false,"patternProperties":{"^x-":{}}}""", """{"y":1}""", false, false)]
    // $ref ignores its siblings in NJsonSchema; the pre-check checks them too.
    [InlineData("""{"$ref":"#/definitions/d","type":"string","definitions":{"d":{"type":"integer"}}}""", "1", true, false)]
    [InlineData("""{"pattern":"^$(?!\\n)"}""", "\"\"", true, true)]
    [InlineData("""{"maxLength":1}""", "\"\\ud800\"", true, true)]
    [InlineData("""{"maximum":0.5}""", "0", true, true)]
    [InlineData("""{"minimum":1.0,"maximum":1e0}""", "1", true, true)]
    [InlineData("""{"items":{"items":{"type":"string"}}}""", "[[\"a\"],[1]]", false, false)]
    [InlineData("""{"not":{"anyOf":[{"type":"string"},{"type":"null"}]}}""", "null", false, false)]
    // A single allOf member that is not a $ref leaves the siblings in force: the pattern still decides.
    [InlineData("""{"not":{"pattern":"^a","allOf":[{}]}}""", "\"b\"", true, true)]
    public void Keyword_Probes_Agree_With_NJsonSchema(string then, string json, bool njsValid, bool accepted)
    {
        var root = Parse(json);
        var errors = RuleSchema(then).Validate(JsonTokenTree.Of(root).Root);
        (errors.Count == 0).ShouldBe(njsValid, string.Join("; ", errors.Select(e => e.Kind)));
        PrecheckAccepts(then, root).ShouldBe(accepted);
    }

    [Fact]
    public void Deep_Nesting_Is_Judged_Like_NJsonSchema()
    {
        const int Depth = 200;
        var json = new string('[', Depth) + "1" + new string(']', Depth);
        var then = """{"$ref":"#/definitions/n","definitions":{"n":{"anyOf":[{"type":"integer","maximum":0},{"type":"array","items":{"$ref":"#/definitions/n"}}]}}}""";
        var root = Parse(json);
        RuleSchema(then).Validate(JsonTokenTree.Of(root).Root).ShouldNotBeEmpty();
        PrecheckAccepts(then, root).ShouldBeFalse();
    }

    // What the declarative path selects, against Newtonsoft's SelectTokens on the paths SimplePath claims.
    [Theory]
    [InlineData("$['']")]
    [InlineData("$[''][*]")]
    [InlineData("$.a-b")]
    [InlineData("$.-")]
    [InlineData("$.0")]
    [InlineData("$.n[0][1]")]
    [InlineData("$.n[*][*]")]
    [InlineData("$.n.*")]
    [InlineData("$.o.*[*]")]
    [InlineData("$.o[*]")]
    [InlineData("$.n[00]")]
    [InlineData("$.n[99999999]")]
    [InlineData("$['o']['k'][0]")]
    [InlineData("$.*.*")]
    public void SimplePath_Selects_What_Newtonsoft_Selects(string path)
    {
        const string Document = """{"":[1,2],"a-b":true,"-":"m","0":"z","n":[[1,2],[3],4,{"k":5}],"o":{"k":[6,7],"k":[8],"j":{"x":[9]}}}""";
        var root = Parse(Document);
        var tree = JsonTokenTree.Of(root);
        var expected = tree.Root.SelectTokens(path).Select(t => tree.NodeOf(t)!.Pointer).Distinct().ToList();
        SimplePath.TryParse(path).ShouldNotBeNull().Select(root).Select(n => n.Pointer).ToList().ShouldBe(expected);
    }

    /// <summary>The schema as DeclarativeRules compiles a rule's "then" (Newtonsoft round trip, then the builder or NJsonSchema's reader).</summary>
    private static NJsonSchema.JsonSchema RuleSchema(string then)
    {
        var translated = SchemaDialect.Translate(JToken.Parse(then)).ToString();
        try
        {
            return SchemaBuilder.Build(translated);
        }
        catch (UnsupportedSchemaException)
        {
            return NJsonSchema.JsonSchema.FromJsonAsync(translated).GetAwaiter().GetResult();
        }
    }

    private static bool PrecheckAccepts(string then, JsonNode root)
    {
        try
        {
            return SchemaPrecheck.Compile(then).Accepts(root);
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private static List<OciLint.Core.Findings.Finding> Findings(string given, string then, string json)
    {
        var ruleJson = $$"""
            {"id":"ADV001","name":"adv/probe","title":"t","severity":"error","help":"h","appliesTo":"config",
             "given":{{Newtonsoft.Json.JsonConvert.ToString(given)}},"then":{{then}},"message":"{error}"}
            """;
        var rule = DeclarativeRules.Parse(JsonFile.Parse(Encoding.UTF8.GetBytes(ruleJson), "adv.rule.json", "/adv.rule.json"), builtIn: false);
        var document = new JsonDocumentModel(DocumentKind.Config, "blobs/sha256/00", Encoding.UTF8.GetBytes(json), null, null);
        var findings = new List<OciLint.Core.Findings.Finding>();
        rule.CheckDocument(document, new RuleContext(rule.Metadata, rule.Metadata.DefaultSeverity, new LintSettings(), findings));
        return findings;
    }

    private static JsonNode Parse(string json) =>
        JsonParser.Parse(Encoding.UTF8.GetBytes(json)).Root ?? throw new InvalidOperationException("not JSON: " + json);
}
