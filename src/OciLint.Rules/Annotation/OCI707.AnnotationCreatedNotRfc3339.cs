using System.Globalization;
using System.Text.RegularExpressions;

namespace OciLint.Rules.Annotation;

/// <summary>annotations.md: org.opencontainers.image.created is the "date and time on which the image was built, conforming to RFC 3339".</summary>
public sealed partial class AnnotationCreatedNotRfc3339 : PredefinedAnnotationRule
{
    public override RuleMetadata Metadata { get; } = new("OCI707", "annotation/created-not-rfc3339", "org.opencontainers.image.created is not an RFC 3339 date-time", Warning, None)
    {
        Description = "The value of org.opencontainers.image.created (annotation or label) is not an RFC 3339 date-time such as 2024-05-01T12:00:00Z: a missing time zone, a space instead of T, a Unix timestamp, or an impossible date. Tools that sort or filter images by creation time (registries' UIs, cleanup policies) skip or misorder it.",
    };

    protected override string Key => "org.opencontainers.image.created";

    protected override string? Judge(string value)
    {
        if (!DateTime().IsMatch(value))
        {
            return "is not an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z; a time zone is required): tools that sort or filter by creation time skip it";
        }

        // The grammar allows 2024-02-30 and 23:59:60 (a leap second); only the former is impossible.
        var date = value[..10];
        return System.DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"names a day that does not exist ({date})";
    }

    [GeneratedRegex(@"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime();
}
