using System.Buffers;
using System.Text;

namespace OciLint.Core.Json;

/// <summary>A canonical text of a value (members sorted by name, no whitespace), to compare values for equality.</summary>
public static class JsonCanonical
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create("\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    [ThreadStatic]
    private static StringBuilder? _builder;

    // Called once per descriptor of a big index by two rules: one reused builder, no LINQ.
    public static string Of(JsonNode node)
    {
        var builder = _builder ??= new StringBuilder(512);
        builder.Clear();
        Write(node, builder);
        return builder.ToString();
    }

    /// <summary>
    /// A hash of the canonical text, computed without building it: values with equal <see cref="Of"/> have equal
    /// hashes, so comparing hashes first leaves the texts to the few values that may be equal.
    /// </summary>
    public static int Hash(JsonNode node)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                // A sum is independent of member order, as the sorted text is.
                var sum = 0;
                foreach (var member in node.Members)
                {
                    sum += HashCode.Combine(member.Name.GetHashCode(), Hash(member.Value));
                }

                return HashCode.Combine(JsonKind.Object, node.Members.Count, sum);
            case JsonKind.Array:
                var hash = new HashCode();
                hash.Add(JsonKind.Array);
                foreach (var item in node.Items)
                {
                    hash.Add(Hash(item));
                }

                return hash.ToHashCode();
            case JsonKind.String:
                return HashCode.Combine(JsonKind.String, node.Text!.GetHashCode());
            case JsonKind.Number:
                var text = IsPlainInteger(node.Text!) ? node.Text! : Of(node);
                return HashCode.Combine(JsonKind.Number, text.GetHashCode());
            default:
                return (int)node.Kind;
        }
    }

    private static void Write(JsonNode node, StringBuilder builder)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var member in Sorted(node.Members))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(member.Name, builder);
                    builder.Append(':');
                    Write(member.Value, builder);
                }

                builder.Append('}');
                break;
            case JsonKind.Array:
                builder.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(node.Items[i], builder);
                }

                builder.Append(']');
                break;
            case JsonKind.String:
                WriteString(node.Text!, builder);
                break;
            case JsonKind.Number when IsPlainInteger(node.Text!):
                builder.Append(node.Text);
                break;
            case JsonKind.Number:
                builder.Append(decimal.TryParse(node.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : node.Text);
                break;
            case JsonKind.True:
                builder.Append("true");
                break;
            case JsonKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(string value, StringBuilder builder)
    {
        builder.Append('"');
        var rest = value.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(NeedsEscape)) >= 0)
        {
            builder.Append(rest[..at]);
            var c = rest[at];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default: builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
            }

            rest = rest[(at + 1)..];
        }

        builder.Append(rest).Append('"');
    }

    // Members are usually in order already; sort (stably, like OrderBy) only when they are not. Stable matters: OCI903
    // relies on equal texts having the same first member of each name (and on strings never being normalised).
    private static IReadOnlyList<JsonMember> Sorted(MemberList members)
    {
        for (var i = 1; i < members.Count; i++)
        {
            if (string.CompareOrdinal(members[i - 1].Name, members[i].Name) > 0)
            {
                return [.. members.OrderBy(m => m.Name, StringComparer.Ordinal)];
            }
        }

        return members;
    }

    // "0", "42", "-7": already canonical. Leading zeros, fractions and exponents go through decimal.
    private static bool IsPlainInteger(string text)
    {
        var negative = text.StartsWith('-');
        var digits = text.AsSpan(negative ? 1 : 0);
        return digits.Length is > 0 and < 28 && (digits.Length == 1 ? !(negative && digits[0] == '0') : digits[0] != '0') && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
