using System.Text.RegularExpressions;

namespace OciLint.Rules.Schema;

/// <summary>
/// The patterns of the OCI schemas in schemas/, compiled at build time. A 50,000-entry index.json matches the
/// digest and media type patterns 50,000 times each: interpreted, that was two thirds of its schema pre-check
/// (~60 ms); compiled at run time, each regex would cost its emit and JIT in every run. Same pattern text, same
/// options (none), so the same answers as NJsonSchema's <c>Regex.IsMatch</c>; any other pattern is interpreted.
/// </summary>
internal static partial class SchemaPatterns
{
    private const string Digest = @"^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$(?!\n)";
    private const string MediaType = @"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$(?!\n)";
    private const string Base64 = @"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$(?!\n)";
    private const string Url = @"^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9._~!$&'()*+,;=:@/?#\[\]-]|%[0-9A-Fa-f]{2})*$(?!\n)";
    private const string DateTime = @"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$(?!\n)";
    private const string Empty = @"^$(?!\n)";

    /// <summary>Every pattern compiled here (the schema tests check that the OCI schemas use no other).</summary>
    public static IReadOnlyList<string> Known { get; } = [Digest, MediaType, Base64, Url, DateTime, Empty];

    /// <summary>The compiled regex for a schema pattern, or null when it is not one of <see cref="Known"/>.</summary>
    public static Regex? For(string pattern) => pattern switch
    {
        Digest => DigestRegex(),
        MediaType => MediaTypeRegex(),
        Base64 => Base64Regex(),
        Url => UrlRegex(),
        DateTime => DateTimeRegex(),
        Empty => EmptyRegex(),
        _ => null,
    };

    [GeneratedRegex(Digest)]
    private static partial Regex DigestRegex();

    [GeneratedRegex(MediaType)]
    private static partial Regex MediaTypeRegex();

    [GeneratedRegex(Base64)]
    private static partial Regex Base64Regex();

    [GeneratedRegex(Url)]
    private static partial Regex UrlRegex();

    [GeneratedRegex(DateTime)]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(Empty)]
    private static partial Regex EmptyRegex();
}
