using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Text.Json;
using NJsonSchema;

namespace OciLint.Rules.Schema;

/// <summary>A schema keyword or value <see cref="SchemaBuilder"/> does not build; the message names it and where it is.</summary>
public sealed class UnsupportedSchemaException(string message) : NotSupportedException(message);

/// <summary>
/// Builds NJsonSchema's object graph for a JSON Schema straight from its text, with System.Text.Json. It gives the
/// graph <c>JsonSchema.FromJsonAsync</c> gives (the tests compare both, object by object, and their validation
/// errors) without that deserialiser's reflection-driven Newtonsoft start-up cost (~0.2 s, which ReadyToRun does not
/// remove). It builds the keywords NJsonSchema 11.6.2 enforces, plus annotations; anything else (const, if,
/// propertyNames, boolean schemas, remote $refs, ...) throws <see cref="UnsupportedSchemaException"/>, because
/// NJsonSchema would silently check less than the schema says.
/// </summary>
public static class SchemaBuilder
{
    /// <summary>The formats NJsonSchema 11.6.2's validator checks; any other would be silently ignored.</summary>
    internal static readonly FrozenSet<string> Formats = FrozenSet.ToFrozenSet(
        ["base64", "byte", "date", "date-time", "email", "guid", "hostname", "ipv4", "ipv6", "time", "time-span", "uri", "uuid"], StringComparer.Ordinal);

    /// <summary>x- keywords that NJsonSchema maps onto properties of its own (some change validation, e.g. x-nullable) instead of extension data.</summary>
    internal static readonly FrozenSet<string> ReservedExtensions = FrozenSet.ToFrozenSet(
        ["x-deprecated", "x-deprecatedMessage", "x-abstract", "x-nullable", "x-example", "x-enumFlags", "x-dictionaryKey", "x-enum-names",
         "x-enum-varnames", "x-enumNames", "x-enumDescriptions", "x-enum-descriptions", "x-readOnly", "x-writeOnly"], StringComparer.Ordinal);

    private const string Supported = "$schema, $id, id, $comment, title, description, default, examples, x-*, type, enum, format, pattern, minLength, maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, properties, patternProperties, additionalProperties, required, minProperties, maxProperties, items, additionalItems, minItems, maxItems, uniqueItems, allOf, anyOf, oneOf, not, definitions, $ref (#/definitions/NAME)";

    private const string DefinitionsPrefix = "#/definitions/";

    /// <summary>Builds the schema in <paramref name="json"/>.</summary>
    /// <exception cref="UnsupportedSchemaException">The schema uses a keyword or value this builder does not build.</exception>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JsonSchema Build(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new Builder().BuildRoot(document.RootElement);
    }

    private sealed class Builder
    {
        private readonly List<(JsonSchema Schema, string Name, string Pointer)> _references = [];

        public JsonSchema BuildRoot(JsonElement element)
        {
            var root = Schema<JsonSchema>(element, "#", reserialized: false);

            // As NJsonSchema resolves them after reading: the referring schema keeps its own members, its Reference is
            // the definition object itself (so ActualSchema, error.Schema and ParentSchema are the definition's), and
            // setting it clears the referring schema's type.
            foreach (var (schema, name, pointer) in _references)
            {
                schema.Reference = root.Definitions.TryGetValue(name, out var target)
                    ? target
                    : throw Unsupported(pointer, $"\"$ref\": \"{DefinitionsPrefix}{name}\" names no definition of the root schema");
            }

            return root;
        }

        // reserialized: inside items, additionalItems or additionalProperties, which NJsonSchema reads as a Newtonsoft
        // token tree and then serialises and deserialises again: numbers there pass through double, and strings that
        // look like dates through DateTime.
        private T Schema<T>(JsonElement element, string pointer, bool reserialized)
            where T : JsonSchema, new()
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Unsupported(pointer, $"a schema must be a JSON object here, found {Describe(element)} (boolean schemas are not supported)");
            }

            // NJsonSchema's reader sets every absent keyword to its default; for x-enumNames that is an ObservableCollection.
            var schema = new T { EnumerationNames = new ObservableCollection<string>() };
            Dictionary<string, object?>? extensions = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in element.EnumerateObject())
            {
                var value = member.Value;
                var at = pointer + "/" + Escape(member.Name);
                if (!seen.Add(member.Name))
                {
                    throw Unsupported(at, "the keyword appears twice in one schema");
                }

                switch (member.Name)
                {
                    case "$schema":
                        schema.SchemaVersion = ReadString(value, at, reserialized);
                        break;
                    case "id":
                        schema.Id = ReadString(value, at, reserialized);
                        break;
                    case "title":
                        schema.Title = ReadString(value, at, reserialized);
                        break;
                    case "description":
                        schema.Description = ReadString(value, at, reserialized);
                        break;
                    case "default":
                        schema.Default = ReadScalar(value, at);
                        break;
                    case "type":
                        schema.Type = ReadType(value, at);
                        break;
                    case "enum":
                        foreach (var (item, index) in ReadArray(value, at).Select((e, i) => (e, i)))
                        {
                            schema.Enumeration.Add(ReadScalar(item, at + "/" + index));
                        }

                        break;
                    case "format":
                        var format = ReadString(value, at, reserialized);
                        schema.Format = Formats.Contains(format) ? format : throw Unsupported(at, $"format \"{format}\" is not one NJsonSchema checks ({string.Join(", ", Formats.Order(StringComparer.Ordinal))})");
                        break;
                    case "pattern":
                        schema.Pattern = ReadString(value, at, reserialized);
                        break;
                    case "minLength":
                        schema.MinLength = ReadInt(value, at);
                        break;
                    case "maxLength":
                        schema.MaxLength = ReadInt(value, at);
                        break;
                    case "minimum":
                        schema.Minimum = ReadDecimal(value, at, reserialized);
                        break;
                    case "maximum":
                        schema.Maximum = ReadDecimal(value, at, reserialized);
                        break;
                    case "multipleOf":
                        schema.MultipleOf = ReadDecimal(value, at, reserialized);
                        break;
                    case "exclusiveMinimum":
                        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        {
                            schema.IsExclusiveMinimum = value.GetBoolean();
                        }
                        else
                        {
                            schema.ExclusiveMinimum = ReadBound(value, at);
                        }

                        break;
                    case "exclusiveMaximum":
                        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        {
                            schema.IsExclusiveMaximum = value.GetBoolean();
                        }
                        else
                        {
                            schema.ExclusiveMaximum = ReadBound(value, at);
                        }

                        break;
                    case "minItems":
                        schema.MinItems = ReadInt(value, at);
                        break;
                    case "maxItems":
                        schema.MaxItems = ReadInt(value, at);
                        break;
                    case "minProperties":
                        schema.MinProperties = ReadInt(value, at);
                        break;
                    case "maxProperties":
                        schema.MaxProperties = ReadInt(value, at);
                        break;
                    case "uniqueItems":
                        schema.UniqueItems = ReadBool(value, at);
                        break;
                    case "required":
                        foreach (var (item, index) in ReadArray(value, at).Select((e, i) => (e, i)))
                        {
                            // NJsonSchema keeps required on the object; a property's IsRequired reads it from its parent.
                            schema.RequiredProperties.Add(ReadString(item, at + "/" + index, reserialized));
                        }

                        break;
                    case "properties":
                        foreach (var property in ReadMap(value, at))
                        {
                            // Adding sets the property's Name and Parent, as NJsonSchema's collection hooks do on reading.
                            schema.Properties[property.Name] = Schema<JsonSchemaProperty>(property.Value, at + "/" + Escape(property.Name), reserialized);
                        }

                        break;
                    case "patternProperties":
                        foreach (var property in ReadMap(value, at))
                        {
                            schema.PatternProperties[property.Name] = Schema<JsonSchemaProperty>(property.Value, at + "/" + Escape(property.Name), reserialized);
                        }

                        break;
                    case "definitions":
                        foreach (var definition in ReadMap(value, at))
                        {
                            // NJsonSchema replaces such a definition by its target, dropping the definition's own keywords.
                            if (definition.Value.ValueKind == JsonValueKind.Object && definition.Value.TryGetProperty("$ref", out _))
                            {
                                throw Unsupported(at + "/" + Escape(definition.Name), "a definition that is itself a $ref is not supported");
                            }

                            schema.Definitions[definition.Name] = Schema<JsonSchema>(definition.Value, at + "/" + Escape(definition.Name), reserialized);
                        }

                        break;
                    case "additionalProperties":
                        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        {
                            schema.AllowAdditionalProperties = value.GetBoolean();
                        }
                        else
                        {
                            // NJsonSchema leaves this subschema's Parent unset (so x-ocilint-rule is not inherited into it).
                            schema.AdditionalPropertiesSchema = Schema<JsonSchema>(value, at, reserialized: true);
                        }

                        break;
                    case "items":
                        if (value.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var (item, index) in ReadArray(value, at).Select((e, i) => (e, i)))
                            {
                                schema.Items.Add(Schema<JsonSchema>(item, at + "/" + index, reserialized: true));
                            }
                        }
                        else
                        {
                            schema.Item = Schema<JsonSchema>(value, at, reserialized: true);
                        }

                        break;
                    case "additionalItems":
                        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        {
                            schema.AllowAdditionalItems = value.GetBoolean();
                        }
                        else
                        {
                            schema.AdditionalItemsSchema = Schema<JsonSchema>(value, at, reserialized: true);
                        }

                        break;
                    case "allOf":
                        foreach (var (item, index) in ReadArray(value, at).Select((e, i) => (e, i)))
                        {
                            schema.AllOf.Add(Schema<JsonSchema>(item, at + "/" + index, reserialized));
                        }

                        break;
                    case "anyOf":
                        foreach (var (item, index) in ReadArray(value, at).Select((e, i) => (e, i)))
                        {
                            schema.AnyOf.Add(Schema<JsonSchema>(item, at + "/" + index, reserialized));
                        }

                        break;
                    case "oneOf":
                        foreach (var (item, index) in ReadArray(value, at).Select((e, i) => (e, i)))
                        {
                            schema.OneOf.Add(Schema<JsonSchema>(item, at + "/" + index, reserialized));
                        }

                        break;
                    case "not":
                        schema.Not = Schema<JsonSchema>(value, at, reserialized);
                        break;
                    case "$ref":
                        var reference = ReadString(value, at, reserialized);
                        var name = reference.StartsWith(DefinitionsPrefix, StringComparison.Ordinal) ? reference[DefinitionsPrefix.Length..] : null;
                        if (name is null || name.Length == 0 || name.AsSpan().IndexOfAny("/~%") >= 0)
                        {
                            throw Unsupported(at, $"\"$ref\": \"{reference}\" is not supported; only {DefinitionsPrefix}NAME (a definition of the root schema) is");
                        }

                        _references.Add((schema, name, at));
                        break;
                    case "$id" or "$comment" or "examples":
                    case var extension when extension.StartsWith("x-", StringComparison.Ordinal) && !ReservedExtensions.Contains(extension):
                        // Keywords NJsonSchema does not map land in ExtensionData, with Newtonsoft's value types.
                        extensions ??= new Dictionary<string, object?>();
                        extensions[member.Name] = ReadExtension(value, at);
                        break;
                    default:
                        throw Unsupported(at, $"keyword \"{member.Name}\" is not supported (NJsonSchema would not enforce it as written); supported: {Supported}");
                }
            }

            if (extensions is not null)
            {
                schema.ExtensionData = extensions;
            }

            return schema;
        }
    }

    private static JsonObjectType ReadType(JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return ReadTypeName(value, at);
        }

        var type = JsonObjectType.None;
        foreach (var (item, index) in ReadArray(value, at).Select((e, i) => (e, i)))
        {
            type |= ReadTypeName(item, at + "/" + index);
        }

        return type;
    }

    private static JsonObjectType ReadTypeName(JsonElement value, string at) => value.ValueKind == JsonValueKind.String
        ? value.GetString() switch
        {
            "array" => JsonObjectType.Array,
            "boolean" => JsonObjectType.Boolean,
            "integer" => JsonObjectType.Integer,
            "null" => JsonObjectType.Null,
            "number" => JsonObjectType.Number,
            "object" => JsonObjectType.Object,
            "string" => JsonObjectType.String,
            var other => throw Unsupported(at, $"type \"{other}\" is not a JSON Schema type"),
        }
        : throw Unsupported(at, $"a type must be a string, found {Describe(value)}");

    private static JsonElement.ArrayEnumerator ReadArray(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Unsupported(at, $"expected an array, found {Describe(value)}");

    private static JsonElement.ObjectEnumerator ReadMap(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Unsupported(at, $"expected an object, found {Describe(value)}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                throw Unsupported(at + "/" + Escape(member.Name), "the name appears twice");
            }
        }

        return value.EnumerateObject();
    }

    private static string ReadString(JsonElement value, string at, bool reserialized)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Unsupported(at, $"expected a string, found {Describe(value)}");
        }

        var text = value.GetString()!;
        if (reserialized && ReadsAsDate(text))
        {
            throw Unsupported(at, $"\"{text}\" would be rewritten by NJsonSchema's reader as a date");
        }

        return text;
    }

    private static bool ReadBool(JsonElement value, string at) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Unsupported(at, $"expected true or false, found {Describe(value)}");

    private static int ReadInt(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Unsupported(at, $"expected an integer, found {Describe(value)}");

    /// <summary>minimum, maximum, multipleOf: Newtonsoft reads them as decimal from the text, or (in a reserialised subschema) from the double it became.</summary>
    private static decimal ReadDecimal(JsonElement value, string at, bool reserialized)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Unsupported(at, $"expected a number, found {Describe(value)}");
        }

        var text = value.GetRawText();
        if (reserialized && NewtonsoftValue(text, at) is double asDouble)
        {
            text = Newtonsoft.Json.JsonConvert.ToString(asDouble);
        }

        try
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(text));
            return reader.ReadAsDecimal() ?? throw Unsupported(at, "expected a number");
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or OverflowException)
        {
            throw Unsupported(at, $"{text} is not a decimal NJsonSchema can hold");
        }
    }

    /// <summary>exclusiveMinimum/Maximum as numbers: NJsonSchema converts the Newtonsoft value (long or double) with Convert.ToDecimal.</summary>
    private static decimal ReadBound(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Unsupported(at, $"expected a number or a boolean, found {Describe(value)}");
        }

        try
        {
            return NewtonsoftValue(value.GetRawText(), at) switch
            {
                long integer => Convert.ToDecimal(integer),
                double real => Convert.ToDecimal(real),
                _ => throw Unsupported(at, $"{value.GetRawText()} is too large"),
            };
        }
        catch (OverflowException)
        {
            throw Unsupported(at, $"{value.GetRawText()} is too large");
        }
    }

    /// <summary>enum members and default: the value Newtonsoft reads for a JSON scalar (string, long, BigInteger, double, bool, null).</summary>
    private static object? ReadScalar(JsonElement value, string at)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return ReadsAsDate(text)
                    ? throw Unsupported(at, $"\"{text}\" would be read by NJsonSchema as a date, not the string written")
                    : text;
            case JsonValueKind.Number:
                return NewtonsoftValue(value.GetRawText(), at);
            case JsonValueKind.True or JsonValueKind.False:
                return value.GetBoolean();
            case JsonValueKind.Null:
                return null;
            default:
                throw Unsupported(at, $"only strings, numbers, booleans and null are supported here, found {Describe(value)}");
        }
    }

    /// <summary>An extension value as NJsonSchema keeps it: scalars as Newtonsoft reads them, objects as Dictionary&lt;string, object&gt;, arrays as object[].</summary>
    private static object? ReadExtension(JsonElement value, string at)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                // NJsonSchema turns an object with "type" or "properties" into a JsonSchema when it can; keep it simple and refuse.
                if (value.TryGetProperty("type", out _) || value.TryGetProperty("properties", out _))
                {
                    throw Unsupported(at, "an extension object with a \"type\" or \"properties\" member (NJsonSchema would read it as a schema)");
                }

                var map = new Dictionary<string, object>();
                foreach (var member in ReadMap(value, at))
                {
                    map[member.Name] = ReadExtension(member.Value, at + "/" + Escape(member.Name))!;
                }

                return map;
            case JsonValueKind.Array:
                return value.EnumerateArray().Select((item, index) => ReadExtension(item, at + "/" + index)).ToArray();
            default:
                return ReadScalar(value, at);
        }
    }

    /// <summary>The CLR value Newtonsoft's reader gives for a JSON number (long, BigInteger or double).</summary>
    private static object? NewtonsoftValue(string json, string at)
    {
        try
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json));
            reader.Read();
            return reader.Value;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            throw Unsupported(at, $"{json} is not a number NJsonSchema's reader accepts");
        }
    }

    /// <summary>Whether Newtonsoft's reader (default DateParseHandling, as NJsonSchema reads) turns this string into a date.</summary>
    private static bool ReadsAsDate(string text)
    {
        // Newtonsoft only tries strings that start with a digit (ISO 8601) or a slash (/Date(...)/).
        if (text.Length == 0 || (text[0] != '/' && !char.IsDigit(text[0])))
        {
            return false;
        }

        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(Newtonsoft.Json.JsonConvert.ToString(text)));
        reader.Read();
        return reader.TokenType == Newtonsoft.Json.JsonToken.Date;
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static UnsupportedSchemaException Unsupported(string pointer, string problem) => new($"schema {pointer}: {problem}");
}
