using Newtonsoft.Json.Linq;
using OciLint.Core.Config;
using OciLint.Rules.Schema;

namespace OciLint.Rules.Declarative;

/// <summary>
/// Loads *.rule.json files: the built-in ones embedded from rules/, and the user's from folders (<c>--rules</c>,
/// <c>ruleDirectories</c>). A user's file is checked against schemas/ocilint-rule.schema.json and its JSONPath and
/// schema are compiled on load; any problem is a <see cref="ConfigFileException"/> naming the file, line and column.
/// The built-in files are held to the same schema by the test suite.
/// </summary>
public static class DeclarativeRules
{
    public const string Extension = ".rule.json";

    public const string RuleSchema = "ocilint-rule.schema.json";

    private const string ResourcePrefix = "OciLint.DeclarativeRules.";

    private static readonly HashSet<string> Placeholders = ["path", "value", "error"];

    /// <summary>The rules of rules/*.rule.json, embedded in this assembly.</summary>
    public static IReadOnlyList<DeclarativeRule> BuiltIn()
    {
        var assembly = typeof(DeclarativeRules).Assembly;
        var rules = new List<DeclarativeRule>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var display = "rules/" + name[ResourcePrefix.Length..];
            rules.Add(Parse(JsonFile.Parse(buffer.ToArray(), display, display), builtIn: true));
        }

        return rules;
    }

    /// <summary>Every *.rule.json directly in <paramref name="directory"/>, in file name order.</summary>
    public static IReadOnlyList<DeclarativeRule> LoadDirectory(string directory, string? displayPath = null)
    {
        var display = displayPath ?? directory;
        if (!Directory.Exists(directory))
        {
            throw new ConfigFileException(display, File.Exists(directory) ? $"is a file; rule folders hold *{Extension} files" : "no such folder");
        }

        var files = Directory.GetFiles(directory, "*" + Extension).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new ConfigFileException(display, $"holds no *{Extension} file");
        }

        return [.. files.Select(f => LoadFile(f, Path.Join(display, Path.GetFileName(f))))];
    }

    public static DeclarativeRule LoadFile(string path, string? displayPath = null) => Parse(JsonFile.Read(path, displayPath), builtIn: false);

    internal static DeclarativeRule Parse(JsonFile file, bool builtIn)
    {
        var root = file.Root;
        if (!root.IsObject)
        {
            throw file.Error(root, $"a rule file must be a JSON object, found {JsonFile.Show(root)}");
        }

        // OciLint's own rule files are checked against the schema by the test suite; every run need not pay for it.
        var errors = builtIn ? [] : SchemaErrors.Validate(RuleSchema, root, "rule");
        if (errors.Count > 0)
        {
            var (error, (node, member, _)) = errors.Select(e => (e, Locate(root, e.Pointer))).OrderBy(e => e.Item2.Offset).First();
            var unknownMember = member is not null && error.Message.EndsWith("is not allowed here", StringComparison.Ordinal);
            // SchemaMessages speaks of OCI documents; here the "specification" is the rule format.
            var text = error.Message.Replace("a value the specification does not allow", "a value the rule format does not allow", StringComparison.Ordinal);
            throw unknownMember ? file.Error(member!.Value, Unknown(error.Pointer, member.Value.Name)) : file.Error(node, text);
        }

        var id = root.GetString("id")!;
        if (!builtIn && id.StartsWith("OCI", StringComparison.Ordinal))
        {
            throw file.Error(root.Get("id")!, $"rule id {id}: ids starting with OCI are reserved for OciLint's own rules; use your own prefix (ACME001)");
        }

        var message = root.GetString("message")!;
        foreach (System.Text.RegularExpressions.Match match in DeclarativeRule.Placeholder().Matches(message))
        {
            if (!Placeholders.Contains(match.Groups[1].Value))
            {
                throw file.Error(root.Get("message")!, $"unknown placeholder {match.Value} in \"message\"; use {{path}}, {{value}} or {{error}}");
            }
        }

        var given = root.GetString("given");
        if (given is not null && !builtIn)
        {
            try
            {
                _ = new JObject().SelectTokens(given).ToList();
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw file.Error(root.Get("given")!, $"\"given\" is not a valid JSONPath: {e.Message}");
            }
        }

        var thenNode = root.Get("then")!;
        var thenText = System.Text.Encoding.UTF8.GetString(file.Bytes.AsSpan(thenNode.Start, thenNode.End - thenNode.Start));
        NJsonSchema.JsonSchema Compile()
        {
            try
            {
                var translated = SchemaDialect.Translate(JToken.Parse(thenText)).ToString();
                try
                {
                    // The fast path; it refuses what it cannot build exactly as NJsonSchema reads it (defaults that
                    // are objects, $refs deeper than #/definitions/NAME, ...), and NJsonSchema's own reader takes those.
                    return SchemaBuilder.Build(translated);
                }
                catch (UnsupportedSchemaException)
                {
                    return NJsonSchema.JsonSchema.FromJsonAsync(translated).GetAwaiter().GetResult();
                }
            }
            catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
            {
                throw file.Error(thenNode, $"\"then\" is not a usable JSON Schema: {e.Message}");
            }
        }

        // A user's schema is compiled now, so a mistake stops the run before any layout is read; a built-in one
        // when a document first needs it (`rules`, `explain` and runs without manifests never do).
        var then = builtIn ? new Lazy<NJsonSchema.JsonSchema>(Compile) : new Lazy<NJsonSchema.JsonSchema>(Compile());

        SeverityNames.TryParse(root.GetString("severity"), out var severity);
        var help = root.GetString("help")!;
        var metadata = new RuleMetadata(id, root.GetString("name")!, root.GetString("title")!, severity, FixAvailability.None)
        {
            Description = root.GetString("description") ?? FirstParagraph(help),
        };
        if (root.GetString("helpUri") is { } helpUri)
        {
            metadata = metadata with { HelpUri = Uri.TryCreate(helpUri, UriKind.Absolute, out var uri) ? uri : throw file.Error(root.Get("helpUri")!, $"\"helpUri\" is not an absolute URI: \"{helpUri}\"") };
        }
        else if (!builtIn)
        {
            // The rule file is its own documentation.
            metadata = metadata with { HelpUri = new Uri(file.FullPath) };
        }

        var mediaTypes = root.Get("mediaTypes") is { } list ? list.Items.Select(i => i.Text!).ToHashSet(StringComparer.Ordinal) : null;
        return new DeclarativeRule(metadata, help, file.DisplayPath, ParseAppliesTo(root.GetString("appliesTo")!), mediaTypes, given, then, thenText, message);
    }

    private static AppliesTo ParseAppliesTo(string text) => text switch
    {
        "oci-layout" => AppliesTo.OciLayout,
        "index-json" => AppliesTo.IndexJson,
        "index" => AppliesTo.Index,
        "manifest" => AppliesTo.Manifest,
        "config" => AppliesTo.Config,
        _ => AppliesTo.Descriptor,
    };

    private static string FirstParagraph(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var cut = text.IndexOf("\n\n", StringComparison.Ordinal);
        return (cut < 0 ? text : text[..cut]).Replace('\n', ' ');
    }

    private static string Unknown(string pointer, string name) =>
        pointer.StartsWith("/then/", StringComparison.Ordinal)
            ? $"JSON Schema keyword \"{name}\" is not supported in \"then\" (OciLint would not enforce it); supported: type, enum, const, properties, patternProperties, additionalProperties, required, min/maxProperties, items, additionalItems, contains, min/maxItems, uniqueItems, pattern, min/maxLength, format, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, allOf, anyOf, oneOf, not, definitions, $ref"
            : $"unknown member \"{name}\"{JsonFile.Suggest(name, ["id", "name", "title", "description", "severity", "help", "helpUri", "appliesTo", "mediaTypes", "given", "then", "message"])}";

    /// <summary>The node a pointer names (or its nearest existing ancestor), and the member when the last step is a member name.</summary>
    private static (JsonNode Node, JsonMember? Member, int Offset) Locate(JsonNode root, string pointer)
    {
        var node = root;
        JsonMember? member = null;
        foreach (var token in JsonPointer.Parse(pointer))
        {
            if (node.IsObject && node.Get(token) is { } next)
            {
                member = next.Member;
                node = next;
            }
            else if (node.IsArray && int.TryParse(token, out var index) && index >= 0 && index < node.Items.Count)
            {
                member = null;
                node = node.Items[index];
            }
            else
            {
                return (node, null, node.Start);
            }
        }

        return (node, member, member?.NameStart ?? node.Start);
    }
}
