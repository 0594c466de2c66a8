using System.Text.RegularExpressions;

namespace OciLint.Rules.Index;

internal static partial class MediaTypeGrammar
{
    /// <summary>RFC 6838 as the schemas check it (defs-descriptor.json#/definitions/mediaType).</summary>
    public static bool IsMatch(string value) => Pattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
