using System.Globalization;
using System.Text;

namespace OciLint.Rules.Support;

/// <summary>The JSON Canonicalization Scheme (RFC 8785) text of a parsed value.</summary>
internal static class Rfc8785
{
    public static string Canonical(JsonNode root)
    {
        var builder = new StringBuilder();
        var stack = new Stack<object>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case string literal:
                    builder.Append(literal);
                    break;
                case JsonNode { Kind: JsonKind.Object } obj:
                    builder.Append('{');
                    stack.Push("}");
                    var members = obj.Members.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
                    for (var i = members.Count - 1; i >= 0; i--)
                    {
                        stack.Push(members[i].Value);
                        stack.Push(Quote(members[i].Name) + ":");
                        if (i > 0)
                        {
                            stack.Push(",");
                        }
                    }

                    break;
                case JsonNode { Kind: JsonKind.Array } array:
                    builder.Append('[');
                    stack.Push("]");
                    for (var i = array.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(array.Items[i]);
                        if (i > 0)
                        {
                            stack.Push(",");
                        }
                    }

                    break;
                case JsonNode node:
                    builder.Append(node.Kind switch
                    {
                        JsonKind.String => Quote(node.Text!),
                        JsonKind.Number => Number(node.Text!),
                        JsonKind.True => "true",
                        JsonKind.False => "false",
                        _ => "null",
                    });
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>ECMAScript Number::toString of the double the text denotes (RFC 8785 §3.2.2.3).</summary>
    public static string Number(string text)
    {
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (value == 0 || double.IsInfinity(value))
        {
            return value == 0 ? "0" : text;
        }

        // Shortest round-trip digits s and exponent n with value = 0.s × 10^n.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? r : r[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var digits = whole + (dot < 0 ? "" : mantissa[(dot + 1)..]);
        var n = whole.Length + exponent;
        var trimmed = digits.TrimStart('0');
        n -= digits.Length - trimmed.Length;
        var s = trimmed.TrimEnd('0');
        var k = s.Length;
        var sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21)
        {
            return sign + s + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return sign + s[..n] + "." + s[n..];
        }

        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + s;
        }

        var power = n - 1;
        return sign + s[0] + (k > 1 ? "." + s[1..] : "") + "e" + (power > 0 ? "+" : "-") + Math.Abs(power).ToString(CultureInfo.InvariantCulture);
    }
}
