using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OciLint.Rules.Schema;

/// <summary>
/// A fast proof that NJsonSchema would report nothing for a document, so that valid documents never pay for
/// the token tree and NJsonSchema's validator (which allocates heavily per node). One-sided by contract:
/// <see cref="Accepts"/> may say false where NJsonSchema finds no error (the caller then asks NJsonSchema),
/// but never true where it finds one. The semantics follow NJsonSchema 11.6.2's JsonSchemaValidator over the
/// tokens <c>JsonTokenTree</c> builds; where that is unclear, the answer is false.
/// </summary>
internal static class SchemaPrecheck
{
    private static readonly ConcurrentDictionary<string, Lazy<PrecheckSchema>> Cache = new(StringComparer.Ordinal);

    /// <summary>True only when NJsonSchema, validating <paramref name="root"/> against the named schema of schemas/, reports no error.</summary>
    public static bool Accepts(string schemaName, JsonNode root) => For(schemaName).Accepts(root);

    /// <summary>Compiles the named schemas now, and JIT-compiles the per-node methods (see <see cref="Warmup"/>).</summary>
    public static void Prepare(params string[] schemaNames)
    {
        foreach (var name in schemaNames)
        {
            _ = For(name);
        }

        // AggressiveOptimization methods are never precompiled by ReadyToRun: compiling them here, on the warm-up
        // thread, keeps ~10 ms of JIT off the main thread of a small check.
        foreach (var type in new[] { typeof(PrecheckSchema), typeof(PatternMatcher) })
        {
            foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if ((method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0 && !method.IsGenericMethodDefinition)
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
            }
        }
    }

    private static PrecheckSchema For(string schemaName) =>
        Cache.GetOrAdd(schemaName, n => new Lazy<PrecheckSchema>(() => Compile(SchemaCatalog.Text(n)))).Value;

    /// <summary>Compiles a schema text; throws <see cref="NotSupportedException"/> for any keyword it cannot check at least as strictly as NJsonSchema.</summary>
    public static PrecheckSchema Compile(string schemaText)
    {
        using var document = JsonDocument.Parse(schemaText);
        return new SchemaCompiler(document.RootElement).Compile();
    }

    private sealed class SchemaCompiler(JsonElement root)
    {
        private readonly Dictionary<string, PrecheckSchema> _definitions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PatternMatcher> _patterns = new(StringComparer.Ordinal);

        public PrecheckSchema Compile()
        {
            // Definitions first, as empty shells, so that a $ref (even a recursive one) links to the one compiled node.
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("definitions", out var definitions))
            {
                foreach (var definition in Objects(definitions, "definitions"))
                {
                    // Newtonsoft keeps the last of two equal names: filling one shell twice would mix both.
                    if (!_definitions.TryAdd(definition.Name, new PrecheckSchema()))
                    {
                        throw Refuse("#/definitions", $"definition \"{definition.Name}\" given twice");
                    }
                }

                foreach (var definition in definitions.EnumerateObject())
                {
                    Fill(_definitions[definition.Name], definition.Value, "#/definitions/" + definition.Name);
                }
            }

            var schema = new PrecheckSchema();
            Fill(schema, root, "#");
            return schema;
        }

        private PrecheckSchema Compile(JsonElement element, string path)
        {
            var schema = new PrecheckSchema();
            Fill(schema, element, path);
            return schema;
        }

        private void Fill(PrecheckSchema schema, JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Refuse(path, "a schema that is not an object");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var keyword in element.EnumerateObject())
            {
                var value = keyword.Value;
                var at = path + "/" + keyword.Name;
                // Which of two equal names Newtonsoft keeps is not ours to guess.
                if (!seen.Add(keyword.Name))
                {
                    throw Refuse(at, "a keyword given twice");
                }

                switch (keyword.Name)
                {
                    case "$schema" or "$id" or "$comment" or "title" or "description":
                        break;
                    case "minItems":
                        schema.MinItems = Count(value, at);
                        break;
                    case "maxItems":
                        schema.MaxItems = Count(value, at);
                        break;
                    case "minLength":
                        schema.MinLength = Count(value, at);
                        break;
                    case "maxLength":
                        schema.MaxLength = Count(value, at);
                        break;
                    case var name when name.StartsWith("x-", StringComparison.Ordinal):
                        break;
                    case "definitions":
                        // Only the root's definitions are reachable (#/definitions/x); nested ones are still
                        // compiled so that an unsupported keyword in them is refused too.
                        if (path != "#")
                        {
                            foreach (var nested in Objects(value, at))
                            {
                                Compile(nested.Value, at + "/" + nested.Name);
                            }
                        }

                        break;
                    case "$ref":
                        schema.Ref = Resolve(value, at);
                        break;
                    case "type":
                        schema.Types = Types(value, at);
                        break;
                    case "pattern":
                        var pattern = String(value, at);
                        // NJsonSchema skips an empty pattern.
                        schema.Pattern = pattern.Length == 0 ? null : Pattern(pattern, at);
                        break;
                    case "format":
                        schema.Format = String(value, at) switch
                        {
                            "uri" => StringFormat.Uri,
                            "date-time" => StringFormat.DateTime,
                            var other => throw Refuse(at, $"format \"{other}\""),
                        };
                        break;
                    case "items":
                        schema.Items = Compile(value, at);
                        break;
                    case "properties":
                        var names = new List<string>();
                        var schemas = new List<PrecheckSchema>();
                        foreach (var property in Objects(value, at))
                        {
                            if (names.Contains(property.Name))
                            {
                                throw Refuse(at, $"property \"{property.Name}\" given twice");
                            }

                            names.Add(property.Name);
                            schemas.Add(Compile(property.Value, at + "/" + property.Name));
                        }

                        schema.PropertyNames = names.ToArray();
                        schema.PropertySchemas = schemas.ToArray();
                        break;
                    case "required":
                        if (value.ValueKind != JsonValueKind.Array)
                        {
                            throw Refuse(at, "required that is not an array");
                        }

                        var required = new List<string>();
                        foreach (var item in value.EnumerateArray())
                        {
                            var name = String(item, at);
                            if (!required.Contains(name))
                            {
                                required.Add(name);
                            }
                        }

                        schema.Required = required.ToArray();
                        break;
                    case "not":
                        schema.Not = Compile(value, at);
                        break;
                    case "enum":
                        Enum(schema, value, at);
                        break;
                    case "additionalProperties":
                        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        {
                            schema.AdditionalAllowed = value.ValueKind == JsonValueKind.True;
                        }
                        else
                        {
                            schema.Additional = Compile(value, at);
                        }

                        break;
                    case "allOf":
                        schema.AllOf = Schemas(value, at);
                        break;
                    case "anyOf":
                        schema.AnyOf = Schemas(value, at);
                        break;
                    case "minimum":
                        schema.Minimum = Decimal(value, at);
                        break;
                    case "maximum":
                        schema.Maximum = Decimal(value, at);
                        break;
                    case "patternProperties":
                        var patterns = new List<(PatternMatcher, PrecheckSchema)>();
                        foreach (var property in Objects(value, at))
                        {
                            patterns.Add((Pattern(property.Name, at), Compile(property.Value, at + "/" + property.Name)));
                        }

                        schema.PatternProperties = patterns.ToArray();
                        break;
                    default:
                        throw Refuse(at, $"keyword \"{keyword.Name}\"");
                }
            }

            schema.Seal();
        }

        private PrecheckSchema Resolve(JsonElement value, string at)
        {
            const string Prefix = "#/definitions/";
            var reference = String(value, at);
            var name = reference.StartsWith(Prefix, StringComparison.Ordinal) ? reference[Prefix.Length..] : null;
            // Pointer escapes (~0, ~1, %xx) and deeper pointers are not resolved here: refuse rather than guess.
            if (name is null || name.Length == 0 || name.IndexOfAny(['/', '~', '%']) >= 0 || !_definitions.TryGetValue(name, out var target))
            {
                throw Refuse(at, $"$ref \"{reference}\" (only #/definitions/<name> of the root)");
            }

            return target;
        }

        private PatternMatcher Pattern(string pattern, string at)
        {
            if (!_patterns.TryGetValue(pattern, out var matcher))
            {
                try
                {
                    matcher = new PatternMatcher(pattern);
                }
                catch (ArgumentException)
                {
                    // NJsonSchema throws only when it meets a value to match; the rule loader does not check patterns.
                    throw Refuse(at, $"pattern \"{pattern}\", which .NET cannot parse,");
                }

                _patterns[pattern] = matcher;
            }

            return matcher;
        }

        private static JsonTypes Types(JsonElement value, string at)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return Type(value.GetString()!, at);
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Refuse(at, "type that is neither a string nor an array");
            }

            var types = JsonTypes.None;
            foreach (var item in value.EnumerateArray())
            {
                types |= Type(String(item, at), at);
            }

            return types == JsonTypes.None ? throw Refuse(at, "an empty type array") : types;
        }

        private static JsonTypes Type(string name, string at) => name switch
        {
            "object" => JsonTypes.Object,
            "array" => JsonTypes.Array,
            "string" => JsonTypes.String,
            "integer" => JsonTypes.Integer,
            "number" => JsonTypes.Number,
            "boolean" => JsonTypes.Boolean,
            "null" => JsonTypes.Null,
            _ => throw Refuse(at, $"type \"{name}\""),
        };

        private static void Enum(PrecheckSchema schema, JsonElement value, string at)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Refuse(at, "enum that is not an array");
            }

            // NJsonSchema compares ToString() forms: a string token matches a string entry exactly, and a 64-bit
            // integer token an integer entry of the same value. Any other entry is never matched here (stricter).
            var strings = new List<string>();
            var integers = new List<long>();
            var count = 0;
            foreach (var item in value.EnumerateArray())
            {
                count++;
                if (item.ValueKind == JsonValueKind.String)
                {
                    strings.Add(String(item, at));
                }
                else if (item.ValueKind == JsonValueKind.Number && long.TryParse(item.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    integers.Add(whole);
                }
            }

            // NJsonSchema ignores an empty enum.
            if (count > 0)
            {
                schema.EnumStrings = strings.ToArray();
                schema.EnumIntegers = integers.ToArray();
            }
        }

        private PrecheckSchema[] Schemas(JsonElement value, string at)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Refuse(at, "a schema list that is not an array");
            }

            var schemas = new List<PrecheckSchema>();
            foreach (var item in value.EnumerateArray())
            {
                schemas.Add(Compile(item, at + "/" + schemas.Count.ToString(CultureInfo.InvariantCulture)));
            }

            return schemas.ToArray();
        }

        private static decimal Decimal(JsonElement value, string at)
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                throw Refuse(at, "a bound that is not a decimal number");
            }

            // Newtonsoft reads a fraction or an exponent as a double (always for a rule's "then", inside items and
            // additionalProperties for the catalog), and NJsonSchema's bound is that double's decimal: 9007199254740993.0
            // becomes 9007199254740992. Only a bound the double holds exactly means the same to both.
            var raw = value.GetRawText();
            if (raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
            {
                var asDouble = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!decimal.TryParse(asDouble.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var read) || read != number)
                {
                    throw Refuse(at, $"bound {raw}, which a double does not hold exactly");
                }
            }

            return number;
        }

        // NJsonSchema reads these as int; 0 for maxItems means "no limit" there, which enforcing makes merely stricter.
        private static int Count(JsonElement value, string at) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0 ? count : throw Refuse(at, "a count that is not a non-negative int32");

        private static string String(JsonElement value, string at)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Refuse(at, "a value that is not a string");
            // A rule's "then" reaches NJsonSchema through JToken.Parse and ToString, whose default DateParseHandling turns
            // such strings into DateTime: rewritten (pattern, required), or compared by DateTime.ToString() (enum).
            return MayReadAsDate(text) ? throw Refuse(at, $"\"{text}\", which Newtonsoft may read as a date") : text;
        }

        // A superset of what Newtonsoft's DateTimeUtils.TryParseDateTime tries (ISO 8601 and /Date(...)/).
        private static bool MayReadAsDate(string text) =>
            text.StartsWith("/Date(", StringComparison.Ordinal) || (text.Length is >= 19 and <= 40 && char.IsDigit(text[0]) && text[10] == 'T');

        private static JsonElement.ObjectEnumerator Objects(JsonElement value, string at) =>
            value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : throw Refuse(at, "a value that is not an object");

        private static NotSupportedException Refuse(string at, string what) =>
            new($"schema pre-check: {what} at {at} is not supported; extend SchemaPrecheck rather than skip it");
    }
}

[Flags]
internal enum JsonTypes
{
    None = 0,
    Object = 1,
    Array = 2,
    String = 4,
    Integer = 8,
    Number = 16,
    Boolean = 32,
    Null = 64,
}

internal enum StringFormat
{
    None,
    Uri,
    DateTime,
}

/// <summary>
/// One compiled (sub)schema. Fields are set by the compiler, then frozen by <see cref="Seal"/>. The methods that run
/// per node are AggressiveOptimization: ReadyToRun code cannot inline JsonNode's accessors across assemblies, and a
/// 50,000-entry index is over before tiering would recompile them (about half the time, measured).
/// </summary>
internal sealed class PrecheckSchema
{
    private static readonly PrecheckSchema[] NoSchemas = [];

    // DateTimeFormatValidator of NJsonSchema 11.6.2: an exact format or its regex (same timeout).
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd' 'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd' 'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd' 'HH:mm", "yyyy-MM-dd'T'HH",
        "yyyy-MM-dd' 'HH", "yyyy-MM-dd", "yyyy-MM-dd'Z'", "yyyyMMdd", "yyyy-MM", "yyyy",
    ];

    // A plain Dictionary: building frozen collections costs more start-up (tens of ms) than their lookups save.
    private Dictionary<string, int>? _propertyIndex;

    // Per member position, 1 + the property found there last time: the entries of one array list their members
    // in the same order, and comparing one name is cheaper than hashing it. A stale hint (threads race on these
    // ints) is only ever compared, never trusted.
    private readonly int[] _hints = new int[8];
    private int[] _requiredIndexes = [];
    private string[] _requiredOthers = [];

    internal PrecheckSchema? Ref { get; set; }

    internal JsonTypes Types { get; set; }

    internal PatternMatcher? Pattern { get; set; }

    internal StringFormat Format { get; set; }

    internal PrecheckSchema? Items { get; set; }

    internal string[] PropertyNames { get; set; } = [];

    internal PrecheckSchema[] PropertySchemas { get; set; } = NoSchemas;

    internal string[] Required { get; set; } = [];

    internal PrecheckSchema? Not { get; set; }

    /// <summary>Null when there is no enum; otherwise the string entries (and <see cref="EnumIntegers"/> the integer ones).</summary>
    internal string[]? EnumStrings { get; set; }

    internal long[] EnumIntegers { get; set; } = [];

    internal bool AdditionalAllowed { get; set; } = true;

    internal PrecheckSchema? Additional { get; set; }

    internal PrecheckSchema[] AllOf { get; set; } = NoSchemas;

    internal PrecheckSchema[] AnyOf { get; set; } = NoSchemas;

    internal decimal? Minimum { get; set; }

    internal decimal? Maximum { get; set; }

    internal int? MinItems { get; set; }

    internal int? MaxItems { get; set; }

    internal int? MinLength { get; set; }

    internal int? MaxLength { get; set; }

    internal (PatternMatcher Pattern, PrecheckSchema Schema)[] PatternProperties { get; set; } = [];

    /// <summary>The one allOf or anyOf member of an untyped schema (the shape NJsonSchema's HasAllOfSchemaReference and HasAnyOfSchemaReference look for).</summary>
    private PrecheckSchema? SoleMember => Types == JsonTypes.None && AllOf.Length + AnyOf.Length == 1 ? (AllOf.Length == 1 ? AllOf[0] : AnyOf[0]) : null;

    /// <summary>Whether NJsonSchema may see a reference here (HasReference), over-approximated: ending in a $ref, the chain is finite.</summary>
    private bool MayBeReference => Ref is not null || SoleMember is { MayBeReference: true };

    private bool HasObjectKeywords => PropertyNames.Length > 0 || Required.Length > 0 || PatternProperties.Length > 0 || Additional is not null || !AdditionalAllowed;

    internal void Seal()
    {
        _propertyIndex = new Dictionary<string, int>(PropertyNames.Length, StringComparer.Ordinal);
        for (var i = 0; i < PropertyNames.Length; i++)
        {
            _propertyIndex.TryAdd(PropertyNames[i], i);
        }

        var indexes = new List<int>();
        var others = new List<string>();
        foreach (var name in Required)
        {
            if (_propertyIndex.TryGetValue(name, out var index))
            {
                indexes.Add(index);
            }
            else
            {
                others.Add(name);
            }
        }

        _requiredIndexes = indexes.ToArray();
        _requiredOthers = others.ToArray();
    }

    /// <summary>True only when NJsonSchema validating <paramref name="node"/> against this schema reports no error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Accepts(JsonNode node)
    {
        // NJsonSchema validates only the referenced schema; checking the siblings too is merely stricter.
        if (Ref is not null && !Ref.Accepts(node))
        {
            return false;
        }

        if (Types != JsonTypes.None && (Types & TypeOf(node)) == 0)
        {
            return false;
        }

        if (EnumStrings is not null && !InEnum(node))
        {
            return false;
        }

        switch (node.Kind)
        {
            case JsonKind.String:
                if (!AcceptsString(node.Text!) || node.Text!.Length < MinLength || node.Text!.Length > MaxLength)
                {
                    return false;
                }

                break;
            case JsonKind.Number:
                if ((Minimum is not null || Maximum is not null) && !InBounds(node))
                {
                    return false;
                }

                break;
            case JsonKind.Array:
                if (node.Items.Count < MinItems || node.Items.Count > MaxItems)
                {
                    return false;
                }

                if (Items is not null)
                {
                    var items = node.Items;
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (!Items.Accepts(items[i]))
                        {
                            return false;
                        }
                    }
                }

                break;
            case JsonKind.Object:
                if (HasObjectKeywords && !AcceptsObject(node))
                {
                    return false;
                }

                break;
        }

        // NJsonSchema reports a missing required member on any value that is not an object.
        if (node.Kind != JsonKind.Object && Required.Length > 0)
        {
            return false;
        }

        if (Not is not null && !Not.Rejects(node))
        {
            return false;
        }

        foreach (var schema in AllOf)
        {
            if (!schema.Accepts(node))
            {
                return false;
            }
        }

        if (AnyOf.Length > 0)
        {
            var any = false;
            foreach (var schema in AnyOf)
            {
                if (schema.Accepts(node))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True only when NJsonSchema validating <paramref name="node"/> against this schema reports at least one error
    /// (what <c>not</c> needs). Only the failures that are certain count: a wrong type (never for null, which
    /// NJsonSchema lets through nullable schemas), a pattern mismatch, and their combinations.
    /// </summary>
    public bool Rejects(JsonNode node)
    {
        if (Ref is not null)
        {
            return Ref.Rejects(node);
        }

        // Untyped with a single allOf or anyOf member that is a $ref: NJsonSchema may take the whole schema for that
        // reference (ActualSchema) and ignore its pattern and not. Only the member's failure is certain then.
        if (SoleMember is { MayBeReference: true } sole)
        {
            return sole.Rejects(node);
        }

        if (node.Kind != JsonKind.Null && Types != JsonTypes.None && (Types & TypeOf(node)) == 0)
        {
            return true;
        }

        if (node.Kind == JsonKind.String && Pattern is not null && !Pattern.IsMatch(node.Text!))
        {
            return true;
        }

        if (Not is not null && Not.Accepts(node))
        {
            return true;
        }

        foreach (var schema in AllOf)
        {
            if (schema.Rejects(node))
            {
                return true;
            }
        }

        if (AnyOf.Length > 0)
        {
            foreach (var schema in AnyOf)
            {
                if (!schema.Rejects(node))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>The types a value satisfies, as NJsonSchema sees the token JsonTokenTree makes of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonTypes TypeOf(JsonNode node) => node.Kind switch
    {
        JsonKind.Object => JsonTypes.Object,
        JsonKind.Array => JsonTypes.Array,
        JsonKind.String => JsonTypes.String,
        // JsonTokenTree makes an Integer token of what long.TryParse takes and a Float of the rest.
        JsonKind.Number => node.TryGetInt64(out _) ? JsonTypes.Integer | JsonTypes.Number : JsonTypes.Number,
        JsonKind.True or JsonKind.False => JsonTypes.Boolean,
        _ => JsonTypes.Null,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool InEnum(JsonNode node) => node.Kind switch
    {
        JsonKind.String => Array.IndexOf(EnumStrings!, node.Text) >= 0,
        JsonKind.Number => node.TryGetInt64(out var whole) && Array.IndexOf(EnumIntegers, whole) >= 0,
        _ => false,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool InBounds(JsonNode node)
    {
        // Beyond 64 bits (or not an integer) NJsonSchema compares through decimal or double, or cannot at all.
        if (!node.TryGetInt64(out var whole))
        {
            return false;
        }

        decimal value = whole;
        return (Minimum is not { } min || value >= min) && (Maximum is not { } max || value <= max);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AcceptsString(string text)
    {
        if (Pattern is not null && !Pattern.IsMatch(text))
        {
            return false;
        }

        return Format switch
        {
            StringFormat.Uri => Uri.TryCreate(text, UriKind.Absolute, out _),
            StringFormat.DateTime => IsDateTime(text),
            _ => true,
        };
    }

    private static bool IsDateTime(string text)
    {
        if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return true;
        }

        try
        {
            return DateTimeRegex.Instance.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PropertyIndex(string name, int position)
    {
        if (position < _hints.Length)
        {
            var hint = _hints[position] - 1;
            if (hint >= 0 && string.Equals(PropertyNames[hint], name, StringComparison.Ordinal))
            {
                return hint;
            }
        }

        if (!_propertyIndex!.TryGetValue(name, out var index))
        {
            return -1;
        }

        if (position < _hints.Length)
        {
            _hints[position] = index + 1;
        }

        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AcceptsObject(JsonNode node)
    {
        var members = node.Members;
        var count = PropertyNames.Length;
        Span<bool> seen = count <= 64 ? stackalloc bool[count] : new bool[count];
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var index = PropertyIndex(member.Name, i);
            if (index >= 0)
            {
                // JsonTokenTree keeps the first of duplicate members; NJsonSchema never sees the others.
                if (seen[index])
                {
                    continue;
                }

                seen[index] = true;
                if (!PropertySchemas[index].Accepts(member.Value))
                {
                    return false;
                }
            }

            // NJsonSchema 11.6.2 applies patternProperties to every member, declared ones included. Every matching
            // pattern applies here (NJsonSchema applies only the first): stricter, never laxer. A duplicate of an
            // additional member is checked again: stricter too.
            var matched = false;
            foreach (var (pattern, schema) in PatternProperties)
            {
                if (pattern.IsMatch(member.Name))
                {
                    matched = true;
                    if (!schema.Accepts(member.Value))
                    {
                        return false;
                    }
                }
            }

            if (matched || index >= 0)
            {
                continue;
            }

            if (Additional is not null ? !Additional.Accepts(member.Value) : !AdditionalAllowed)
            {
                return false;
            }
        }

        foreach (var index in _requiredIndexes)
        {
            if (!seen[index])
            {
                return false;
            }
        }

        foreach (var name in _requiredOthers)
        {
            if (node.Get(name) is null)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A schema pattern with NJsonSchema's semantics (Regex.IsMatch with the pattern as written, no options), built
/// once. Remembers the last string it matched and the last it did not: the same media type (or annotation key,
/// against a patternProperties pattern) comes thousands of times in a large index.
/// </summary>
internal sealed class PatternMatcher(string pattern)
{
    // The OCI schemas' patterns are compiled at build time; others (rule files' schemas) are interpreted, since
    // RegexOptions.Compiled costs its emit and JIT in every run.
    private readonly Regex _regex = SchemaPatterns.For(pattern) ?? new(pattern, RegexOptions.None);

    // Reference writes are atomic, and each field only ever holds a string with that outcome: safe across threads.
    private volatile string? _lastMatch;
    private volatile string? _lastMiss;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsMatch(string text)
    {
        if (string.Equals(_lastMatch, text, StringComparison.Ordinal))
        {
            return true;
        }

        if (string.Equals(_lastMiss, text, StringComparison.Ordinal))
        {
            return false;
        }

        if (_regex.IsMatch(text))
        {
            _lastMatch = text;
            return true;
        }

        _lastMiss = text;
        return false;
    }
}

/// <summary>NJsonSchema's date-time regex, built on first use only (interpreted: a compiled regex costs ~20 ms of start-up).</summary>
internal static class DateTimeRegex
{
    public static readonly Regex Instance = new(
        @"^((?:(\d{4}-\d{2}-\d{2})([Tt_]| )(\d{2}:\d{2}:\d{2}(?:\.\d+)?))([Zz]|[\+-]\d{2}:\d{2}))$",
        RegexOptions.None,
        TimeSpan.FromMilliseconds(250));
}
