using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OciLint.Rules.Support;

/// <summary>
/// A document as Newtonsoft tokens (what JSONPath and NJsonSchema work on), with a two-way map to the positioned
/// nodes, so a selected or failing token becomes a JSON Pointer and a line and column. Built once per document and
/// shared by the schema rules and every declarative rule.
/// </summary>
internal sealed class JsonTokenTree
{
    private readonly Dictionary<JToken, JsonNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JsonNode, JToken> _tokens = new(ReferenceEqualityComparer.Instance);

    private JsonTokenTree(JsonNode root)
    {
        Root = Convert(root);
    }

    public JToken Root { get; }

    public static JsonTokenTree For(JsonDocumentModel document) => document.GetOrAdd(d => new JsonTokenTree(d.Root!));

    /// <summary>A tree for a value that is not a layout document (the schema tests validate bare values).</summary>
    public static JsonTokenTree Of(JsonNode root) => new(root);

    public JsonNode? NodeOf(JToken token) => _nodes.GetValueOrDefault(token);

    public JToken? TokenOf(JsonNode node) => _tokens.GetValueOrDefault(node);

    private JToken Convert(JsonNode node)
    {
        JToken token;
        switch (node.Kind)
        {
            case JsonKind.Object:
                var obj = new JObject();
                foreach (var member in node.Members)
                {
                    // Duplicate names are OCI104's finding; like every other rule, see the first value.
                    if (obj.Property(member.Name, StringComparison.Ordinal) is null)
                    {
                        obj.Add(new JProperty(member.Name, Convert(member.Value)));
                    }
                }

                token = obj;
                break;
            case JsonKind.Array:
                var array = new JArray();
                foreach (var item in node.Items)
                {
                    array.Add(Convert(item));
                }

                token = array;
                break;
            case JsonKind.String:
                token = new JValue(node.Text);
                break;
            case JsonKind.Number:
                token = long.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? new JValue(whole)
                    : new JValue(double.Parse(node.Text!, NumberStyles.Float, CultureInfo.InvariantCulture));
                break;
            case JsonKind.True:
                token = new JValue(true);
                break;
            case JsonKind.False:
                token = new JValue(false);
                break;
            default:
                token = JValue.CreateNull();
                break;
        }

        _nodes[token] = node;
        _tokens[node] = token;
        return token;
    }
}
