using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using OciLint.Rules.Schema;
using OciLint.Rules.Support;

namespace OciLint.Rules.Declarative;

/// <summary>What a declarative rule looks at (<c>appliesTo</c> in a *.rule.json).</summary>
public enum AppliesTo
{
    OciLayout,
    IndexJson,
    Index,
    Manifest,
    Config,
    Descriptor,
}

/// <summary>
/// A rule written as data (a *.rule.json, validated against schemas/ocilint-rule.schema.json): the documents it applies
/// to, an optional JSONPath selecting values in them, and a JSON Schema each selected value must satisfy. It is an
/// ordinary <see cref="IRule"/>, so configs, baselines, writers, <c>rules</c> and <c>explain</c> treat it like any other.
/// </summary>
public sealed partial class DeclarativeRule : Rule
{
    private const int MaxValueLength = 80;

    private readonly Lazy<NJsonSchema.JsonSchema> _then;
    private readonly IReadOnlySet<string>? _mediaTypes;
    private readonly SimplePath? _path;
    private readonly Lazy<PrecheckSchema?> _precheck;

    internal DeclarativeRule(RuleMetadata metadata, string help, string source, AppliesTo appliesTo, IReadOnlySet<string>? mediaTypes, string? given, Lazy<NJsonSchema.JsonSchema> then, string thenText, string message)
    {
        _path = given is null ? null : SimplePath.TryParse(given);
        _precheck = new Lazy<PrecheckSchema?>(() => CompilePrecheck(thenText));
        Metadata = metadata;
        Help = help;
        Source = source;
        AppliesTo = appliesTo;
        _mediaTypes = mediaTypes;
        Given = given;
        _then = then;
        Message = message;
    }

    public override RuleMetadata Metadata { get; }

    /// <summary>The rule's documentation (Markdown), for <c>explain</c> and SARIF help.</summary>
    public string Help { get; }

    /// <summary>The file the rule came from, as messages name it.</summary>
    public string Source { get; }

    public AppliesTo AppliesTo { get; }

    public string? Given { get; }

    public string Message { get; }

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        var applies = (AppliesTo, document.Kind) switch
        {
            (AppliesTo.OciLayout, DocumentKind.OciLayout) => true,
            (AppliesTo.IndexJson, DocumentKind.IndexJson) => true,
            (AppliesTo.Index, DocumentKind.Index) => true,
            (AppliesTo.Manifest, DocumentKind.Manifest) => true,
            (AppliesTo.Config, DocumentKind.Config) => true,
            _ => false,
        };
        if (!applies || document.Root is null || !MediaTypeMatches(document.DeclaredMediaType) || Accepts(document.Root))
        {
            return;
        }

        var tree = JsonTokenTree.For(document);
        Evaluate(document, tree, tree.Root, context);
    }

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (AppliesTo != AppliesTo.Descriptor || !MediaTypeMatches(descriptor.MediaType) || descriptor.Owner.Root is null || Accepts(descriptor.Node))
        {
            return;
        }

        var tree = JsonTokenTree.For(descriptor.Owner);
        if (tree.TokenOf(descriptor.Node) is { } token)
        {
            Evaluate(descriptor.Owner, tree, token, context);
        }
    }

    /// <summary>
    /// True when every value the path selects passes the schema, proven without Newtonsoft or NJsonSchema (their
    /// first use costs tens of milliseconds): a simple path and a schema the pre-check can compile. Otherwise, and
    /// whenever a value might fail, the rule evaluates as written, so findings and messages come from NJsonSchema.
    /// </summary>
    private bool Accepts(JsonNode start)
    {
        if ((Given is not null && _path is null) || _precheck.Value is not { } precheck)
        {
            return false;
        }

        foreach (var node in _path is null ? [start] : _path.Select(start))
        {
            if (!precheck.Accepts(node))
            {
                return false;
            }
        }

        return true;
    }

    private static PrecheckSchema? CompilePrecheck(string thenText)
    {
        try
        {
            return SchemaPrecheck.Compile(thenText);
        }
        catch (Exception e) when (e is NotSupportedException or System.Text.Json.JsonException)
        {
            // const, contains, oneOf, ...: NJsonSchema alone.
            return null;
        }
    }

    private bool MediaTypeMatches(string? mediaType) => _mediaTypes is null || (mediaType is not null && _mediaTypes.Contains(mediaType));

    private void Evaluate(JsonDocumentModel document, JsonTokenTree tree, JToken start, RuleContext context)
    {
        var selected = Given is null ? [start] : start.SelectTokens(Given).Distinct(ReferenceEqualityComparer.Instance).Cast<JToken>().ToList();
        foreach (var token in selected)
        {
            var node = tree.NodeOf(token);
            if (node is null)
            {
                continue;
            }

            var failures = new List<(string Pointer, string Error)>();
            foreach (var error in _then.Value.Validate(token))
            {
                Collect(error, tree, node, failures);
            }

            foreach (var (pointer, error) in failures.DistinctBy(f => f.Pointer))
            {
                context.Report(document, pointer, Render(pointer, token, error));
            }
        }
    }

    private static void Collect(ValidationError error, JsonTokenTree tree, JsonNode selected, List<(string Pointer, string Error)> sink)
    {
        var node = error.Token is { } t ? tree.NodeOf(t) : null;

        // Containers of per-item and per-branch failures: the failures worth naming are inside.
        if (error is ChildSchemaValidationError child && error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.AdditionalItemNotValid or ValidationErrorKind.NotAllOf)
        {
            foreach (var inner in child.Errors.Values.SelectMany(e => e))
            {
                Collect(inner, tree, node ?? selected, sink);
            }

            return;
        }

        node ??= selected;
        var pointer = node.Pointer;
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } missing)
        {
            if (!node.IsObject)
            {
                return;
            }

            pointer = JsonPointer.Append(node.Pointer, missing);
        }

        sink.Add((pointer, SchemaMessages.Describe(error, node, pointer)));
    }

    private string Render(string pointer, JToken value, string error) =>
        Placeholder().Replace(Message, match => match.Groups[1].Value switch
        {
            "path" => pointer.Length == 0 ? "the document" : pointer,
            "value" => Shorten(value.ToString(Newtonsoft.Json.Formatting.None)),
            "error" => error,
            _ => match.Value,
        });

    private static string Shorten(string text) => text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 3)] + "...";

    /// <summary>The placeholders a message may use: {path}, {value}, {error}.</summary>
    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    internal static partial Regex Placeholder();
}
