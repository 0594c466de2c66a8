using System.Text.Json;
using System.Text.RegularExpressions;
using OciLint.Rules.Schema;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>The OCI schemas' patterns, compiled at build time, answer as the interpreted patterns NJsonSchema uses.</summary>
public sealed class SchemaPatternsTests
{
    private static readonly string[] OciSchemas =
        ["oci-layout.schema.json", "image-index.schema.json", "image-manifest.schema.json", "image-config.schema.json", "content-descriptor.schema.json"];

    [Fact]
    public void Every_pattern_of_the_OCI_schemas_is_compiled()
    {
        var patterns = OciSchemas.SelectMany(f => PatternsOf(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", f))).RootElement)).ToHashSet();

        patterns.ShouldNotBeEmpty();
        patterns.Where(p => SchemaPatterns.For(p) is null).ShouldBeEmpty("a pattern added to the schemas needs its [GeneratedRegex] in SchemaPatterns");
        SchemaPatterns.Known.ShouldAllBe(p => patterns.Contains(p));
    }

    [Theory]
    [InlineData("sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b")]
    [InlineData("sha256:abc\n")]
    [InlineData("sha256:abc\r")]
    [InlineData("SHA256:abc")]
    [InlineData("sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564")]
    [InlineData("application/vnd.oci.image.manifest.v1+json")]
    [InlineData("application/vnd.oci.image.manifest.v1+json\n")]
    [InlineData("application/")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("e30=")]
    [InlineData("e30")]
    [InlineData("https://example.com/a%20b?x=[1]")]
    [InlineData("https://example.com/a b")]
    [InlineData("2015-10-31T22:22:56.015925234Z")]
    [InlineData("2015-10-31T22:22:56Z\n")]
    [InlineData("2015-13-31T22:22:56Z")]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("é/é")]
    public void Compiled_and_interpreted_patterns_agree(string text)
    {
        foreach (var pattern in SchemaPatterns.Known)
        {
            SchemaPatterns.For(pattern)!.IsMatch(text).ShouldBe(new Regex(pattern, RegexOptions.None).IsMatch(text), $"{pattern} on \"{text}\"");
        }
    }

    private static IEnumerable<string> PatternsOf(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().SelectMany(PatternsOf);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return element.EnumerateObject().SelectMany(p => p.Name switch
        {
            "pattern" when p.Value.ValueKind == JsonValueKind.String => [p.Value.GetString()!],
            "patternProperties" when p.Value.ValueKind == JsonValueKind.Object => p.Value.EnumerateObject().Select(q => q.Name).Concat(PatternsOf(p.Value)),
            _ => PatternsOf(p.Value),
        });
    }
}
