using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using OciLint.Core.Json;
using OciLint.Core.Model;
using OciLint.Rules.Schema;
using OciLint.Rules.Support;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace OciLint.Tests.Rules;

/// <summary>
/// The schema pre-check's contract: when it accepts a value, NJsonSchema reports no error for it (it may refuse
/// values NJsonSchema accepts; those only take the slow path). Checked on the schema vectors, on targeted quirks of
/// NJsonSchema, and on thousands of mutations of valid documents.
/// </summary>
public sealed class SchemaPrecheckTests(ITestOutputHelper output)
{
    private static readonly string VectorDir = Path.Combine(RepoPaths.Fixtures, "schema-vectors");

    private static readonly string[] SchemaNames =
    [
        SchemaCatalog.OciLayout, SchemaCatalog.ImageIndex, SchemaCatalog.ImageManifest, SchemaCatalog.ImageConfig, SchemaCatalog.Descriptor,
    ];

    private static readonly Lazy<IReadOnlyList<Seed>> AllSeeds = new(LoadSeeds);

    public static TheoryData<string> SeedNames()
    {
        var data = new TheoryData<string>();
        foreach (var seed in AllSeeds.Value)
        {
            data.Add(seed.Name);
        }

        return data;
    }

    [Fact]
    public void Every_Schema_Of_The_Catalog_Compiles()
    {
        foreach (var name in SchemaNames)
        {
            Should.NotThrow(() => SchemaPrecheck.Compile(SchemaCatalog.Text(name)), name);
        }
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Vector_Accepted_Only_When_NJsonSchema_Finds_Nothing(string name)
    {
        var seed = AllSeeds.Value.Single(s => s.Name == name);
        var root = Parse(seed.Json);
        var accepted = SchemaPrecheck.Accepts(seed.Schema, root);
        var errors = NJsonSchemaErrors(seed.Schema, root);
        if (accepted)
        {
            errors.ShouldBeEmpty($"{name}: the pre-check accepted a document NJsonSchema rejects");
        }

        // The pre-check must actually spare the valid documents the slow path.
        if (seed.ExpectedValid)
        {
            errors.ShouldBeEmpty($"{name} is a valid vector");
            accepted.ShouldBeTrue($"{name}: a valid vector the pre-check does not accept");
        }
    }

    [Theory]
    // Duplicate members: the token tree (and so NJsonSchema) sees the first value only.
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"schemaVersion":"x","manifests":[]}""", true)]
    [InlineData("image-index.schema.json", """{"schemaVersion":"x","schemaVersion":2,"manifests":[]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[],"annotations":{"a":"b","a":1}}""", false)]
    // Integers: 64-bit bounds, floats, and numbers NJsonSchema cannot compare.
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":9223372036854775807}]}""", true)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":9223372036854775808}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":-1}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":1.0}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2.0,"manifests":[]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":-0,"manifests":[]}""", false)]
    // Enum by ToString(): "2" matches [2] for NJsonSchema, but the type says integer.
    [InlineData("image-index.schema.json", """{"schemaVersion":"2","manifests":[]}""", false)]
    // not {} and the empty annotation key.
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[],"config":{}}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[],"annotations":{"":"x"}}""", false)]
    // Patterns end with $(?!\n): .NET's $ alone would allow a final newline.
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b\n","digest":"sha256:abc","size":1}]}""", false)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":1,"urls":["https://x/y"],"data":"YQ=="}]}""", true)]
    [InlineData("image-index.schema.json", """{"schemaVersion":2,"manifests":[{"mediaType":"a/b","digest":"sha256:abc","size":1,"urls":["/path"]}]}""", false)]
    // anyOf with not: a string other than 1.0.0 fails both branches.
    [InlineData("oci-layout.schema.json", """{"imageLayoutVersion":"1.0.0"}""", true)]
    [InlineData("oci-layout.schema.json", """{"imageLayoutVersion":"1.0.1"}""", false)]
    [InlineData("oci-layout.schema.json", """{"imageLayoutVersion":null}""", false)]
    // NJsonSchema reports required members on values that are not objects.
    [InlineData("content-descriptor.schema.json", "[]", false)]
    [InlineData("content-descriptor.schema.json", "null", false)]
    // Nullable members, and date-time through both the format and the pattern.
    [InlineData("image-config.schema.json", """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":null,"config":null,"history":[{"created":"2015-10-31T22:22:56.015925234Z","empty_layer":true}]}""", true)]
    [InlineData("image-config.schema.json", """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"2015-10-31 22:22:56Z"}""", false)]
    [InlineData("image-config.schema.json", """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"2015-13-31T22:22:56Z"}""", false)]
    public void Targeted_Quirks(string schema, string json, bool accepted)
    {
        var root = Parse(json);
        var errors = NJsonSchemaErrors(schema, root);
        SchemaPrecheck.Accepts(schema, root).ShouldBe(accepted, string.Join("; ", errors));
        if (accepted)
        {
            errors.ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("""{"type":"array","uniqueItems":true}""")]
    [InlineData("""{"type":"string","format":"email"}""")]
    [InlineData("""{"type":"widget"}""")]
    [InlineData("""{"oneOf":[{"type":"string"}]}""")]
    [InlineData("""{"items":[{"type":"string"}]}""")]
    [InlineData("""{"properties":{"a":{"$ref":"#/properties/b"}},"definitions":{}}""")]
    [InlineData("""{"properties":{"a":{"$ref":"#/definitions/missing"}}}""")]
    [InlineData("""{"definitions":{"a":{"const":2}}}""")]
    [InlineData("""{"not":true}""")]
    public void Unsupported_Keyword_Is_Refused_At_Compile_Time(string schema)
    {
        Should.Throw<NotSupportedException>(() => SchemaPrecheck.Compile(schema));
    }

    [Fact]
    public void Supported_Keywords_And_Annotations_Compile()
    {
        const string Schema = """
            {"$schema":"http://json-schema.org/draft-07/schema#","$id":"x","title":"t","description":"d","x-anything":{"minLength":1},
             "type":["object","null"],"required":["a"],"properties":{"a":{"$ref":"#/definitions/a"}},
             "patternProperties":{"^p":{"not":{}}},"additionalProperties":false,
             "definitions":{"a":{"type":"integer","minimum":0,"maximum":5,"enum":[1,2],"allOf":[{}],"anyOf":[{"not":{"type":"string"}}]}}}
            """;
        var compiled = SchemaPrecheck.Compile(Schema);
        compiled.Accepts(Parse("""{"a":2}""")).ShouldBeTrue();
        compiled.Accepts(Parse("""{"a":3}""")).ShouldBeFalse();
        compiled.Accepts(Parse("""{"a":2,"b":1}""")).ShouldBeFalse();
        compiled.Accepts(Parse("""{"a":2,"p":1}""")).ShouldBeFalse();
        compiled.Accepts(Parse("""{}""")).ShouldBeFalse();
    }

    // The declarative rules' keywords (OCI509 is anyOf [not array, minItems 1]): counts as NJsonSchema reads them.
    [Theory]
    [InlineData("""{"anyOf":[{"not":{"type":"array"}},{"minItems":1}],"$comment":"OCI509"}""", "[1]", true)]
    [InlineData("""{"anyOf":[{"not":{"type":"array"}},{"minItems":1}],"$comment":"OCI509"}""", "[]", false)]
    [InlineData("""{"minItems":2,"maxItems":3}""", "[1,2,3]", true)]
    [InlineData("""{"minItems":2,"maxItems":3}""", "[1]", false)]
    [InlineData("""{"minItems":2,"maxItems":3}""", "[1,2,3,4]", false)]
    [InlineData("""{"minItems":2}""", "\"not an array\"", true)]
    [InlineData("""{"minLength":2,"maxLength":3}""", "\"ab\"", true)]
    [InlineData("""{"minLength":2,"maxLength":3}""", "\"a\"", false)]
    [InlineData("""{"minLength":2,"maxLength":3}""", "\"abcd\"", false)]
    [InlineData("""{"maxLength":2}""", "\"\\ud83d\\ude00\"", true)]
    [InlineData("""{"maxLength":1}""", "\"\\ud83d\\ude00\"", false)]
    [InlineData("""{"minLength":1}""", "5", true)]
    public async Task Count_Keywords_Agree_With_NJsonSchema(string schema, string json, bool accepted)
    {
        var root = Parse(json);
        var errors = (await NJsonSchema.JsonSchema.FromJsonAsync(schema)).Validate(JsonTokenTree.Of(root).Root);
        (errors.Count == 0).ShouldBe(accepted);
        SchemaPrecheck.Compile(schema).Accepts(root).ShouldBe(accepted);
    }

    [Fact]
    public void A_Valid_Document_Never_Builds_The_Token_Tree()
    {
        var valid = new JsonDocumentModel(DocumentKind.IndexJson, "index.json", Encoding.UTF8.GetBytes("""{"schemaVersion":2,"manifests":[]}"""), null, null);
        SchemaErrors.For(valid).Errors.ShouldBeEmpty();
        TokenTrees.WasBuilt(valid).ShouldBeFalse();

        var invalid = new JsonDocumentModel(DocumentKind.IndexJson, "index.json", Encoding.UTF8.GetBytes("""{"schemaVersion":3,"manifests":[]}"""), null, null);
        SchemaErrors.For(invalid).Errors.Select(e => e.RuleId).ShouldBe(["OCI202"]);
        TokenTrees.WasBuilt(invalid).ShouldBeTrue();
    }

    [Fact]
    public void Mutated_Documents_Keep_The_Contract()
    {
        // Valid documents only: the contract matters where the pre-check accepts, near the boundary of validity.
        var seeds = AllSeeds.Value.Where(s => s.ExpectedValid).ToList();
        long total = 0, njsValid = 0, bothValid = 0, accepted = 0;
        var refused = new System.Collections.Concurrent.ConcurrentBag<string>();
        var gen = Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, 1 << 20].Array[4, 40]);
        gen.Sample(
            (index, tape) =>
            {
                var seed = seeds[index];
                var json = Mutator.Mutate(seed.Json, tape, seeds);
                var root = Parse(json);
                var ok = SchemaPrecheck.Accepts(seed.Schema, root);
                var errors = NJsonSchemaErrors(seed.Schema, root);
                Interlocked.Increment(ref total);
                if (errors.Count == 0)
                {
                    Interlocked.Increment(ref njsValid);
                    if (ok)
                    {
                        Interlocked.Increment(ref bothValid);
                    }
                    else if (refused.Count < 10)
                    {
                        refused.Add(json);
                    }
                }

                if (ok)
                {
                    Interlocked.Increment(ref accepted);
                    errors.ShouldBeEmpty($"{seed.Schema} accepted by the pre-check but not by NJsonSchema: {json}");
                }
            },
            iter: 20_000,
            print: t => $"{seeds[t.Item1].Name} {Mutator.Mutate(seeds[t.Item1].Json, t.Item2, seeds)}");

        var useful = njsValid == 0 ? 0 : (double)bothValid / njsValid;
        output.WriteLine($"{total} mutations of {seeds.Count} valid documents: NJsonSchema valid {njsValid}, of which the pre-check accepts {bothValid} ({useful:P1}); pre-check accepted {accepted}");
        foreach (var json in refused)
        {
            output.WriteLine("valid for NJsonSchema, refused by the pre-check: " + json);
        }

        njsValid.ShouldBeGreaterThan(total / 20, "the mutations should leave a fair share of valid documents");
        useful.ShouldBeGreaterThan(0.9, "the pre-check should accept most documents NJsonSchema accepts");
    }

    /// <summary>NJsonSchema's raw errors (before SchemaErrors maps and drops some): the contract is about these.</summary>
    private static List<string> NJsonSchemaErrors(string schema, JsonNode root)
    {
        var tree = JsonTokenTree.Of(root);
        try
        {
            return SchemaCatalog.Get(schema).Validate(tree.Root).Select(e => $"{e.Kind} {e.Path}").ToList();
        }
        catch (InvalidCastException e)
        {
            return [e.Message];
        }
    }

    private static JsonNode Parse(string json) =>
        JsonParser.Parse(Encoding.UTF8.GetBytes(json)).Root ?? throw new InvalidOperationException("not JSON: " + json);

    private sealed record Seed(string Name, string Schema, string Json, bool ExpectedValid);

    private static List<Seed> LoadSeeds()
    {
        var seeds = new List<Seed>();
        using (var expectations = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDir, "expectations.json"))))
        {
            foreach (var vector in expectations.RootElement.EnumerateObject())
            {
                var expected = vector.Value;
                if (expected.TryGetProperty("json", out var isJson) && !isJson.GetBoolean())
                {
                    continue;
                }

                var text = File.ReadAllText(Path.Combine(VectorDir, vector.Name));
                if (expected.TryGetProperty("convertDockerMediaTypes", out var convert) && convert.GetBoolean())
                {
                    // As SchemaVectorTests (and the Go test) do.
                    text = text
                        .Replace("application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.index.v1+json", StringComparison.Ordinal)
                        .Replace("application/vnd.docker.distribution.manifest.v2+json", "application/vnd.oci.image.manifest.v1+json", StringComparison.Ordinal)
                        .Replace("application/vnd.docker.container.image.v1+json", "application/vnd.oci.image.config.v1+json", StringComparison.Ordinal)
                        .Replace("application/vnd.docker.image.rootfs.diff.tar.gzip", "application/vnd.oci.image.layer.v1.tar+gzip", StringComparison.Ordinal);
                }

                var schemaValid = expected.TryGetProperty("schemaValid", out var sv) && sv.ValueKind != JsonValueKind.Null ? sv.GetBoolean() : expected.GetProperty("valid").GetBoolean();
                seeds.Add(new Seed(vector.Name, expected.GetProperty("schema").GetString()!, text, schemaValid));
            }
        }

        using (var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDir, "ocilint-cases.json"))))
        {
            foreach (var item in cases.RootElement.GetProperty("cases").EnumerateArray())
            {
                var findings = item.GetProperty("findings").GetArrayLength();
                seeds.Add(new Seed("case:" + item.GetProperty("name").GetString(), item.GetProperty("schema").GetString()!, item.GetProperty("document").GetRawText(), findings == 0));
            }
        }

        var image = Path.Combine(RepoPaths.Fixtures, "base", "image");
        seeds.Add(new Seed("base:oci-layout", SchemaCatalog.OciLayout, File.ReadAllText(Path.Combine(image, "oci-layout")), true));
        seeds.Add(new Seed("base:index.json", SchemaCatalog.ImageIndex, File.ReadAllText(Path.Combine(image, "index.json")), true));
        foreach (var blob in Directory.GetFiles(Path.Combine(image, "blobs", "sha256")).Order(StringComparer.Ordinal))
        {
            var root = JsonParser.Parse(File.ReadAllBytes(blob)).Root;
            var schema = root?.Get("layers") is not null ? SchemaCatalog.ImageManifest
                : root?.Get("rootfs") is not null ? SchemaCatalog.ImageConfig
                : root?.Get("manifests") is not null ? SchemaCatalog.ImageIndex
                : null;
            if (schema is not null)
            {
                seeds.Add(new Seed("base:" + Path.GetFileName(blob)[..12], schema, File.ReadAllText(blob), true));
            }
        }

        return seeds;
    }

    /// <summary>
    /// Deterministic mutations driven by a tape of integers (so CsCheck can shrink them): other JSON types, near-miss
    /// strings of the schema patterns, edge numbers, dropped, duplicated and added members, items, nested junk, and
    /// subtrees borrowed from other documents.
    /// </summary>
    private static class Mutator
    {
        private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static readonly string[] Junk =
        [
            "null", "true", "false", "0", "-1", "1", "2", "3", "1.5", "2.0", "-0", "1e2", "1E400", "-1e400", "1e-400", "0.1",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999",
            "\"\"", "\"x\"", "\"2\"", "\"1.0.0\"", "{}", "[]", "[null]", "[\"x\"]", "[[]]", """{"a":[1,{"b":null}]}""", """{"":""}""",
            """{"mediaType":1}""", """{"architecture":"amd64","os":"linux"}""", """{"a":"b"}""", """["https://x/y"]""",
        ];

        private static readonly string[] Strings =
        [
            "sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b", "sha256:", ":abc", "sha256:abc", "SHA256:abc",
            "sha256+b64:abc=", "sha256::abc", "sha256:ab/c", "a.b_c-d:X=_-", "sha256:abc\n", "sha256:abc ",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.config.v1+json",
            "application/vnd.oci.image.layer.v1.tar+gzip", "text/plain; charset=utf-8", "application/", "/json", "a/b", "-a/b", "a/b\n", "a/b c",
            "a/" + new string('x', 127), "a/" + new string('x', 128), "application/vnd.docker.distribution.manifest.v2+json",
            "", "YQ==", "YWI=", "YWJj", "YQ=", "YQ", "Y===", "YWJj\n", "YW Jj", "YQ==YQ==", "-_8=",
            "https://example.com/x", "http://a", "/path", "urn:isbn:1", "http://exa mple.com", "http://[::1]/", "http://x/%zz", "http://x/%41",
            "file:///etc", "mailto:a@b", "a:", "http:/x", "http://x\n", "HTTP://X", "1http://x", "http://x/a b", "http://x/é", "http://x:99999/",
            "2020-01-01T00:00:00Z", "2020-13-01T00:00:00Z", "2020-02-30T00:00:00Z", "2020-01-01T00:00:60Z", "2020-01-01 00:00:00Z",
            "2020-01-01t00:00:00z", "2020-01-01T00:00:00.123456789Z", "2020-01-01T00:00:00+01:00", "2020-01-01T24:00:00Z", "2020-01-01",
            "2020-01-01T00:00:00", "2020-01-01T00:00:00Z\n", "0000-01-01T00:00:00Z", "9999-12-31T23:59:60+23:59", "2016-12-31T23:59:60Z",
            "1.0.0", "1.0.0\n", "1.1.0", "layers", "layer", "2", "linux", "amd64", "\n", "é", "\u00a0",
        ];

        private static readonly string[] Keys =
        [
            "", "\n", "org.opencontainers.image.ref.name", "config", "layers", "manifests", "urls", "data", "platform", "annotations",
            "artifactType", "subject", "mediaType", "digest", "size", "schemaVersion", "created", "history", "Labels", "rootfs", "diff_ids",
            "os", "architecture", "os.features", "features", "variant", "os.version", "ExposedPorts", "Env", "imageLayoutVersion", "type",
            "empty_layer", "author", "User", "Volumes", "ArgsEscaped", "x",
        ];

        public static string Mutate(string json, int[] tape, IReadOnlyList<Seed> seeds)
        {
            var random = new Tape(tape);
            Value root = Value.From(Parse(json));
            var rounds = 1 + (random.Next() % 2);
            for (var r = 0; r < rounds; r++)
            {
                root = MutateOnce(root, random, seeds);
            }

            return root.ToJson();
        }

        private static Value MutateOnce(Value root, Tape random, IReadOnlyList<Seed> seeds)
        {
            var places = new List<(Value? Parent, int Index, Value Node)> { (null, 0, root) };
            Collect(root, places);
            var (parent, index, node) = places[random.Next() % places.Count];
            Value replacement = node;
            switch (random.Next() % 10)
            {
                case 0:
                    replacement = Value.Raw(Junk[random.Next() % Junk.Length]);
                    break;
                case 1 or 2:
                    replacement = node is Str s ? new Str(NearMiss(s.Text, random)) : Value.Raw(Junk[random.Next() % Junk.Length]);
                    break;
                case 3:
                    replacement = new Str(Strings[random.Next() % Strings.Length]);
                    break;
                case 4 when node is Obj { Members.Count: > 0 } o:
                    o.Members.RemoveAt(random.Next() % o.Members.Count);
                    break;
                case 5 when node is Obj { Members.Count: > 0 } o:
                    var member = o.Members[random.Next() % o.Members.Count];
                    var value = random.Next() % 2 == 0 ? member.Value : Value.Raw(Junk[random.Next() % Junk.Length]);
                    o.Members.Insert(random.Next() % (o.Members.Count + 1), (member.Name, value));
                    break;
                case 6 when node is Obj o:
                    o.Members.Insert(random.Next() % (o.Members.Count + 1), (Keys[random.Next() % Keys.Length], Borrow(random, seeds)));
                    break;
                case 7 when node is Arr a:
                    var at = a.Items.Count == 0 ? 0 : random.Next() % a.Items.Count;
                    switch (random.Next() % 3)
                    {
                        case 0 when a.Items.Count > 0:
                            a.Items.RemoveAt(at);
                            break;
                        case 1 when a.Items.Count > 0:
                            a.Items.Insert(at, a.Items[at]);
                            break;
                        default:
                            a.Items.Insert(at, Borrow(random, seeds));
                            break;
                    }

                    break;
                case 8:
                    replacement = Borrow(random, seeds);
                    break;
                default:
                    replacement = node is Num ? Value.Raw(Junk[random.Next() % 21]) : Value.Raw("null");
                    break;
            }

            if (ReferenceEquals(replacement, node))
            {
                return root;
            }

            switch (parent)
            {
                case null:
                    return replacement;
                case Obj o:
                    o.Members[index] = (o.Members[index].Name, replacement);
                    break;
                case Arr a:
                    a.Items[index] = replacement;
                    break;
            }

            return root;
        }

        /// <summary>A junk value, a pool string, or a subtree of some seed document.</summary>
        private static Value Borrow(Tape random, IReadOnlyList<Seed> seeds)
        {
            switch (random.Next() % 3)
            {
                case 0:
                    return Value.Raw(Junk[random.Next() % Junk.Length]);
                case 1:
                    return new Str(Strings[random.Next() % Strings.Length]);
                default:
                    var other = Value.From(Parse(seeds[random.Next() % seeds.Count].Json));
                    var places = new List<(Value? Parent, int Index, Value Node)> { (null, 0, other) };
                    Collect(other, places);
                    return places[random.Next() % places.Count].Node;
            }
        }

        private static string NearMiss(string s, Tape random)
        {
            var mid = s.Length == 0 ? 0 : random.Next() % (s.Length + 1);
            return (random.Next() % 22) switch
            {
                0 => s + "\n",
                1 => "\n" + s,
                2 => s + " ",
                3 => " " + s,
                4 => s.ToUpperInvariant(),
                5 => s.Length > 0 ? s[..^1] : "x",
                6 => s.Length > 0 ? s[1..] : "x",
                7 => s + s,
                8 => s.Replace(':', '-'),
                9 => s.Replace('/', '_'),
                10 => s + "=",
                11 => s.Insert(mid, "%"),
                12 => s.Insert(mid, "é"),
                13 => s.Insert(mid, " "),
                14 => s.Insert(mid, "\t"),
                15 => s.Insert(mid, "\u0000"),
                16 => s.Replace('+', '-'),
                17 => s + "/x",
                18 => s.Insert(mid, ":"),
                19 => s.Insert(mid, "=="),
                20 => s.Length > mid ? s.Remove(mid, 1) : s + "A",
                _ => Strings[random.Next() % Strings.Length],
            };
        }

        private static void Collect(Value node, List<(Value? Parent, int Index, Value Node)> places)
        {
            switch (node)
            {
                case Obj o:
                    for (var i = 0; i < o.Members.Count; i++)
                    {
                        places.Add((o, i, o.Members[i].Value));
                        Collect(o.Members[i].Value, places);
                    }

                    break;
                case Arr a:
                    for (var i = 0; i < a.Items.Count; i++)
                    {
                        places.Add((a, i, a.Items[i]));
                        Collect(a.Items[i], places);
                    }

                    break;
            }
        }

        private sealed class Tape(int[] values)
        {
            private int _position;

            public int Next()
            {
                // Cycling with an offset keeps a short tape from repeating the same choices.
                var value = values.Length == 0 ? 0 : values[_position % values.Length] + (_position / Math.Max(1, values.Length));
                _position++;
                return value & int.MaxValue;
            }
        }

        /// <summary>A mutable JSON value that, unlike System.Text.Json.Nodes, can hold duplicate member names.</summary>
        private abstract class Value
        {
            public static Value From(JsonNode node) => node.Kind switch
            {
                JsonKind.Object => new Obj(node.Members.Select(m => (m.Name, From(m.Value))).ToList()),
                JsonKind.Array => new Arr(node.Items.Select(From).ToList()),
                JsonKind.String => new Str(node.Text!),
                JsonKind.Number => new Num(node.Text!),
                JsonKind.True => new Lit("true"),
                JsonKind.False => new Lit("false"),
                _ => new Lit("null"),
            };

            public static Value Raw(string json) => From(SchemaPrecheckTests.Parse(json));

            public abstract void Write(StringBuilder sb);

            public string ToJson()
            {
                var sb = new StringBuilder();
                Write(sb);
                return sb.ToString();
            }

            protected static string Quote(string s) => JsonSerializer.Serialize(s, Relaxed);
        }

        private sealed class Obj(List<(string Name, Value Value)> members) : Value
        {
            public List<(string Name, Value Value)> Members { get; } = members;

            public override void Write(StringBuilder sb)
            {
                sb.Append('{');
                for (var i = 0; i < Members.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",").Append(Quote(Members[i].Name)).Append(':');
                    Members[i].Value.Write(sb);
                }

                sb.Append('}');
            }
        }

        private sealed class Arr(List<Value> items) : Value
        {
            public List<Value> Items { get; } = items;

            public override void Write(StringBuilder sb)
            {
                sb.Append('[');
                for (var i = 0; i < Items.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",");
                    Items[i].Write(sb);
                }

                sb.Append(']');
            }
        }

        private sealed class Str(string text) : Value
        {
            public string Text { get; } = text;

            public override void Write(StringBuilder sb) => sb.Append(Quote(Text));
        }

        private sealed class Num(string text) : Value
        {
            public override void Write(StringBuilder sb) => sb.Append(text);
        }

        private sealed class Lit(string json) : Value
        {
            public override void Write(StringBuilder sb) => sb.Append(json);
        }
    }
}
