using NJsonSchema.Validation;

namespace OciLint.Rules.Schema;

/// <summary>Plain-language messages for schema failures (NJsonSchema's kinds are terse).</summary>
internal static class SchemaMessages
{
    public static string Describe(ValidationError error, JsonNode? node, string pointer)
    {
        var where = pointer.Length == 0 ? "the document" : $"\"{pointer}\"";
        var found = node is null ? "" : $", found {Show(node)}";
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required member \"{error.Property}\" is missing",
            ValidationErrorKind.StringExpected => $"{where} must be a string{found}",
            ValidationErrorKind.IntegerExpected => $"{where} must be an integer{found}",
            ValidationErrorKind.NumberExpected => $"{where} must be a number{found}",
            ValidationErrorKind.BooleanExpected => $"{where} must be a boolean{found}",
            ValidationErrorKind.ObjectExpected => $"{where} must be an object{found}",
            ValidationErrorKind.ArrayExpected => $"{where} must be an array{found}",
            ValidationErrorKind.NullExpected => $"{where} must be null{found}",
            ValidationErrorKind.NotInEnumeration => $"{where} has a value the specification does not allow{found}{Allowed(error)}",
            ValidationErrorKind.PatternMismatch => $"{where} does not match the required pattern {error.Schema?.Pattern?.Replace("$(?!\\n)", "$", StringComparison.Ordinal)}{found}",
            ValidationErrorKind.StringTooShort => $"{where} is too short{found}",
            ValidationErrorKind.StringTooLong => $"{where} is too long{found}",
            ValidationErrorKind.NumberTooSmall => $"{where} is below the minimum {error.Schema?.Minimum}{found}",
            ValidationErrorKind.NumberTooBig => $"{where} is above the maximum {error.Schema?.Maximum}{found}",
            ValidationErrorKind.TooFewItems => $"{where} needs at least {error.Schema?.MinItems} item(s)",
            ValidationErrorKind.TooManyItems => $"{where} has more than {error.Schema?.MaxItems} item(s)",
            ValidationErrorKind.UriExpected => $"{where} must be an absolute URI{found}",
            ValidationErrorKind.DateTimeExpected => $"{where} must be an RFC 3339 date-time{found}",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"{where} is not allowed here",
            ValidationErrorKind.ExcludedSchemaValidates when pointer.EndsWith('/') => $"{where}: an annotation key must not be empty",
            ValidationErrorKind.ExcludedSchemaValidates => $"member {where} must not be present here",
            ValidationErrorKind.NoTypeValidates => $"{where} must be {Types(error.Schema)}{found}",
            ValidationErrorKind.NotAllOf or ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf when BranchValues(error.Schema) is { Length: > 0 } allowed => $"{where} has a value the specification does not allow{found} (expected {allowed})",
            ValidationErrorKind.NotAllOf or ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf => $"{where} does not have the required shape{found}",
            _ => $"{where} fails the schema ({error.Kind}){found}",
        };
    }

    private static string Allowed(ValidationError error) =>
        error.Schema?.Enumeration is { Count: > 0 } values ? $" (expected {string.Join(" or ", values.Select(v => v is string s ? $"\"{s}\"" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))})" : "";

    // anyOf/oneOf of enumerations (e.g. imageLayoutVersion): name the values that would pass.
    private static string BranchValues(NJsonSchema.JsonSchema? schema)
    {
        if (schema is null)
        {
            return "";
        }

        var values = schema.AnyOf.Concat(schema.OneOf).Concat(schema.AllOf)
            .Select(b => b.ActualSchema)
            .SelectMany(b => b.Enumeration)
            .Select(v => v is string text ? $"\"{text}\"" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        return string.Join(" or ", values);
    }

    private static string Types(NJsonSchema.JsonSchema? schema)
    {
        var type = schema?.Type ?? NJsonSchema.JsonObjectType.None;
        var names = Enum.GetValues<NJsonSchema.JsonObjectType>()
            .Where(t => t != NJsonSchema.JsonObjectType.None && type.HasFlag(t))
            .Select(t => t switch
            {
                NJsonSchema.JsonObjectType.Array => "an array",
                NJsonSchema.JsonObjectType.Object => "an object",
                NJsonSchema.JsonObjectType.Integer => "an integer",
                _ => "a " + t.ToString().ToLowerInvariant(),
            })
            .ToList();
        return names.Count == 0 ? "of another type" : string.Join(" or ", names);
    }

    private static string Show(JsonNode node) => node.Kind switch
    {
        JsonKind.String => node.Text!.Length > 80 ? $"\"{node.Text[..77]}...\"" : $"\"{node.Text}\"",
        JsonKind.Number => node.Text!,
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.True => "true",
        JsonKind.False => "false",
        _ => "null",
    };
}
