using System.Text;
using System.Text.Json;
using OciLint.Core.Json;
using OciLint.Rules.Schema;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>
/// The schemas of schemas/ against the image-spec's own test vectors (copied into tests/fixtures/schema-vectors,
/// Apache-2.0) and against OciLint's mapping cases: outcome, rule ids and JSON Pointers.
/// </summary>
public sealed class SchemaVectorTests
{
    private static readonly string VectorDir = Path.Combine(RepoPaths.Fixtures, "schema-vectors");

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDir, "expectations.json")));
        foreach (var vector in doc.RootElement.EnumerateObject())
        {
            data.Add(vector.Name);
        }

        return data;
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDir, "ocilint-cases.json")));
        foreach (var item in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(item.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Spec_Vector_Has_Expected_Outcome(string file)
    {
        using var expectations = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDir, "expectations.json")));
        var expected = expectations.RootElement.GetProperty(file);
        var bytes = File.ReadAllBytes(Path.Combine(VectorDir, file));
        var parsed = JsonParser.Parse(bytes);
        if (expected.TryGetProperty("json", out var json) && !json.GetBoolean())
        {
            parsed.Root.ShouldBeNull($"{file} is not JSON and must not parse");
            return;
        }

        if (expected.TryGetProperty("convertDockerMediaTypes", out var convert) && convert.GetBoolean())
        {
            // As the Go test does: the backcompat vectors carry Docker media types that map onto OCI ones.
            var text = Encoding.UTF8.GetString(bytes)
                .Replace("application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.index.v1+json", StringComparison.Ordinal)
                .Replace("application/vnd.docker.distribution.manifest.v2+json", "application/vnd.oci.image.manifest.v1+json", StringComparison.Ordinal)
                .Replace("application/vnd.docker.container.image.v1+json", "application/vnd.oci.image.config.v1+json", StringComparison.Ordinal)
                .Replace("application/vnd.docker.image.rootfs.diff.tar.gzip", "application/vnd.oci.image.layer.v1.tar+gzip", StringComparison.Ordinal);
            parsed = JsonParser.Parse(Encoding.UTF8.GetBytes(text));
        }

        var schema = expected.GetProperty("schema").GetString()!;
        var errors = SchemaErrors.Validate(schema, parsed.Root!, Aggregate(schema));
        var schemaValid = expected.TryGetProperty("schemaValid", out var sv) && sv.ValueKind != JsonValueKind.Null ? sv.GetBoolean() : expected.GetProperty("valid").GetBoolean();
        if (schemaValid)
        {
            errors.ShouldBeEmpty($"{file}: {string.Join("; ", errors.Select(e => $"{e.RuleId} {e.Pointer} {e.Message}"))}");
        }
        else
        {
            var rules = expected.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).Order().ToList();
            errors.Select(e => e.RuleId).Distinct().Order().ToList().ShouldBe(rules, $"{file}: {string.Join("; ", errors.Select(e => $"{e.RuleId} {e.Pointer} {e.Message}"))}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mapping_Case_Gives_Rule_And_Pointer(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDir, "ocilint-cases.json")));
        var item = doc.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var root = JsonParser.Parse(Encoding.UTF8.GetBytes(item.GetProperty("document").GetRawText())).Root!;
        var schema = item.GetProperty("schema").GetString()!;
        var errors = SchemaErrors.Validate(schema, root, Aggregate(schema));
        var actual = errors.Select(e => $"{e.RuleId} {e.Pointer}").Order(StringComparer.Ordinal).ToList();
        var expected = item.GetProperty("findings").EnumerateArray().Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("pointer").GetString()}").Order(StringComparer.Ordinal).ToList();
        actual.ShouldBe(expected, string.Join("; ", errors.Select(e => e.Message)));
    }

    // The engine's fallback for failures no subschema maps (see SchemaErrors.AggregateRule).
    private static string Aggregate(string schema) => schema switch
    {
        "oci-layout.schema.json" => "OCI005",
        "image-index.schema.json" => "OCI201",
        "image-manifest.schema.json" => "OCI501",
        "image-config.schema.json" => "OCI601",
        _ => "DESCRIPTOR",
    };

    [SkippableFact]
    public void Shared_Vectors_Match_The_Committed_Copies()
    {
        // Runs only beside ../shared: the committed fixtures must be byte-identical to the spec's vectors.
        var shared = RepoPaths.Shared;
        Skip.If(shared is null || !Directory.Exists(Path.Combine(shared, "oci-schema-vectors")), "../shared/oci-schema-vectors is absent");

        foreach (var file in Directory.GetFiles(Path.Combine(shared!, "oci-schema-vectors"), "*.json"))
        {
            if (!file.EndsWith("-valid.json", StringComparison.Ordinal) && !file.EndsWith("-invalid.json", StringComparison.Ordinal))
            {
                continue;
            }

            var copy = Path.Combine(VectorDir, Path.GetFileName(file));
            File.Exists(copy).ShouldBeTrue($"{Path.GetFileName(file)} is not copied into tests/fixtures/schema-vectors");
            File.ReadAllBytes(copy).ShouldBe(File.ReadAllBytes(file));
        }
    }
}
