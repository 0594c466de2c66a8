using System.Globalization;
using System.Numerics;
using OciLint.Rules.Support;

namespace OciLint.Rules.Json;

/// <summary>considerations.md (I-JSON, RFC 7493): "Numbers SHOULD be limited to IEEE 754 double precision".</summary>
public sealed class NumberBeyondDouble : Rule
{
    // RFC 7493 §2.2: integers outside ±(2^53 - 1) lose precision in a double.
    private static readonly BigInteger MaxSafe = (BigInteger.One << 53) - 1;

    public override RuleMetadata Metadata { get; } = new("OCI105", "json/number-precision", "Number outside IEEE 754 double precision", Warning, None)
    {
        Description = "A number that a double cannot hold exactly: an integer beyond ±(2^53 - 1) (such as a size over 8 PiB), a magnitude beyond the double range, or more significant digits than a double keeps. JavaScript and other double-based JSON readers silently change the value.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Root is null)
        {
            return;
        }

        foreach (var node in document.Numbers)
        {
            // A value the schema rejects already (e.g. a size beyond int64, OCI304) is that rule's finding.
            if (Problem(node.Text!) is { } problem && !LayoutFacts.SchemaReports(document, node.Pointer))
            {
                context.Report(document, node, $"{node.Text} {problem}: double-based JSON readers (JavaScript, jq 1.6) change the value");
            }
        }
    }

    internal static string? Problem(string text)
    {
        var isInteger = text.IndexOfAny(['.', 'e', 'E']) < 0;
        if (isInteger && text.Length - (text.StartsWith('-') ? 1 : 0) <= 15)
        {
            // Up to 15 digits is below 2^53 - 1 (9007199254740991): the common case, without BigInteger.
            return null;
        }

        if (isInteger)
        {
            var value = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return BigInteger.Abs(value) > MaxSafe ? "is beyond ±(2^53 - 1), the largest integer a double holds exactly" : null;
        }

        var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(number))
        {
            return "is beyond the range of a double";
        }

        var mantissa = text.Split('e', 'E')[0].Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Trim('0');
        if (number == 0 && mantissa.Length > 0)
        {
            return "is closer to zero than the smallest double and reads as 0";
        }

        return mantissa.Length > 17 ? $"has {mantissa.Length} significant digits, more than the 17 a double keeps" : null;
    }
}
