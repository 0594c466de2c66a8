using System.Text;

namespace OciLint.Core.Json;

/// <summary>A canonical text of a value (members sorted by name, no whitespace), to compare values for equality.</summary>
public static class JsonCanonical
{
    public static string Of(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    private static void Write(JsonNode node, StringBuilder builder)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var member in node.Members.OrderBy(m => m.Name, StringComparer.Ordinal))
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
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case < ' ': builder.Append($"\\u{(int)c:x4}"); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
