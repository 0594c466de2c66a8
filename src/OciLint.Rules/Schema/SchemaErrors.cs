using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using OciLint.Rules.Support;

namespace OciLint.Rules.Schema;

/// <summary>One schema failure, already mapped onto a catalog rule and a JSON Pointer.</summary>
public sealed record SchemaError(string RuleId, string Pointer, string Message, JsonNode? Node);

/// <summary>
/// Validates a document against the schema of its declared type, once, and maps each failure onto a rule
/// id. The mapping lives in the schemas themselves: <c>x-ocilint-rule</c> on a subschema names the rule a
/// failure there belongs to, and <c>x-ocilint-required</c> on an object names one per missing member.
/// </summary>
public sealed class SchemaErrors
{
    public const string RuleKeyword = "x-ocilint-rule";
    public const string RequiredKeyword = "x-ocilint-required";
    public const string NullKeyword = "x-ocilint-null";

    private SchemaErrors(IReadOnlyList<SchemaError> errors) => Errors = errors;

    public IReadOnlyList<SchemaError> Errors { get; }

    public static SchemaErrors For(JsonDocumentModel document) => document.GetOrAdd(Compute);

    /// <summary>The rule a schema failure falls back to when no subschema names a more precise one.</summary>
    public static string AggregateRule(JsonDocumentModel document) => document.Kind switch
    {
        DocumentKind.OciLayout => "OCI005",
        DocumentKind.IndexJson or DocumentKind.Index => "OCI201",
        DocumentKind.Manifest => "OCI501",
        _ => "OCI601",
    };

    private static SchemaErrors Compute(JsonDocumentModel document)
    {
        if (document.Root is not { IsObject: true } root || SchemaCatalog.For(document) is not { } schemaName)
        {
            return new SchemaErrors([]);
        }

        // Most documents are valid, and NJsonSchema (with the token tree it needs) costs a lot per node:
        // the pre-check proves validity without either; anything it cannot prove goes to NJsonSchema.
        if (SchemaPrecheck.Accepts(schemaName, root))
        {
            return new SchemaErrors([]);
        }

        return new SchemaErrors(Validate(schemaName, JsonTokenTree.For(document), AggregateRule(document)));
    }

    /// <summary>Validates any value against a named schema of schemas/ and maps the failures (also used by the schema tests).</summary>
    public static IReadOnlyList<SchemaError> Validate(string schemaName, JsonNode root, string aggregateRule) =>
        Validate(schemaName, JsonTokenTree.Of(root), aggregateRule);

    /// <summary>Validates against a given schema object (the schema tests compare built and deserialised schemas with it).</summary>
    internal static IReadOnlyList<SchemaError> Validate(NJsonSchema.JsonSchema schema, JsonNode root, string aggregateRule) =>
        Validate(schema, JsonTokenTree.Of(root), aggregateRule);

    // The token tree is the one the declarative rules select from, built once per document.
    private static IReadOnlyList<SchemaError> Validate(string schemaName, JsonTokenTree tree, string aggregateRule) =>
        Validate(SchemaCatalog.Get(schemaName), tree, aggregateRule);

    private static IReadOnlyList<SchemaError> Validate(NJsonSchema.JsonSchema schema, JsonTokenTree tree, string aggregateRule)
    {
        var token = tree.Root;
        var root = tree.NodeOf(token)!;
        var errors = new List<SchemaError>();
        try
        {
            foreach (var error in schema.Validate(token))
            {
                Flatten(error, aggregateRule, tree, errors);
            }
        }
        catch (InvalidCastException)
        {
            // NJsonSchema cannot compare integers beyond 64 bits; OCI105/OCI304 report those numbers.
            errors.Add(new SchemaError(aggregateRule, "", "a number is too large to validate against the schema (beyond 64-bit integers)", root));
        }

        // One finding per defect: several branches of one failure often land on the same rule and pointer.
        return errors.DistinctBy(e => (e.RuleId, e.Pointer)).ToList();
    }

    private static void Flatten(ValidationError error, string aggregateRule, JsonTokenTree tree, List<SchemaError> sink)
    {
        var node = error.Token is { } t ? tree.NodeOf(t) : null;
        switch (error)
        {
            // Containers of per-item/per-member failures: the real failures are inside.
            case ChildSchemaValidationError child when error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.AdditionalItemNotValid or ValidationErrorKind.NotAllOf:
                foreach (var inner in child.Errors.Values.SelectMany(e => e))
                {
                    Flatten(inner, aggregateRule, tree, sink);
                }

                return;

            // ["T", "null"] fields: when the value has one of the types, report why that branch failed.
            case MultiTypeValidationError multi when node is not null && multi.Errors.FirstOrDefault(e => Matches(e.Key, node.Kind)).Value is { } branch:
                foreach (var inner in branch)
                {
                    Flatten(inner, aggregateRule, tree, sink);
                }

                return;
        }

        var pointer = node?.Pointer ?? PointerFromPath(error.Path);
        string? rule = null;
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } missing)
        {
            // NJsonSchema also reports "required" on values that are not objects; the type error says it all.
            if (node is not { IsObject: true })
            {
                return;
            }

            pointer = JsonPointer.Append(node.Pointer, missing);
            rule = Keyword(error.Schema, RequiredKeyword, missing);
        }
        else if (node is { IsNull: true })
        {
            rule = Keyword(error.Schema, NullKeyword, null);
        }

        rule ??= RuleOf(error.Schema) ?? aggregateRule;
        sink.Add(new SchemaError(rule, pointer, SchemaMessages.Describe(error, node, pointer), node));
    }

    private static bool Matches(NJsonSchema.JsonObjectType type, JsonKind kind) => kind switch
    {
        JsonKind.String => type.HasFlag(NJsonSchema.JsonObjectType.String),
        JsonKind.Number => type.HasFlag(NJsonSchema.JsonObjectType.Integer) || type.HasFlag(NJsonSchema.JsonObjectType.Number),
        JsonKind.Object => type.HasFlag(NJsonSchema.JsonObjectType.Object),
        JsonKind.Array => type.HasFlag(NJsonSchema.JsonObjectType.Array),
        JsonKind.True or JsonKind.False => type.HasFlag(NJsonSchema.JsonObjectType.Boolean),
        _ => type.HasFlag(NJsonSchema.JsonObjectType.Null),
    };

    private static string? RuleOf(NJsonSchema.JsonSchema? schema)
    {
        for (var s = schema; s is not null; s = s.ParentSchema)
        {
            if (s.ExtensionData?.TryGetValue(RuleKeyword, out var value) == true && value is string id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Reads <c>x-ocilint-required</c> (a map by member name) or <c>x-ocilint-null</c> (a string) on the failing schema.</summary>
    private static string? Keyword(NJsonSchema.JsonSchema? schema, string keyword, string? member)
    {
        if (schema?.ExtensionData?.TryGetValue(keyword, out var value) != true)
        {
            return null;
        }

        return (value, member) switch
        {
            (string id, null) => id,
            (IDictionary<string, object?> map, { } name) when map.TryGetValue(name, out var v) => v as string,
            (JObject obj, { } name) => obj.Value<string>(name),
            _ => null,
        };
    }

    /// <summary>Turns "#/manifests[0].digest" into "/manifests/0/digest" (only used when the token is unknown).</summary>
    private static string PointerFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return "";
        }

        var body = path.TrimStart('#', '/');
        var tokens = body.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(tokens.Select(t => "/" + JsonPointer.Escape(t)));
    }
}
