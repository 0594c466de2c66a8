using Newtonsoft.Json.Linq;

namespace OciLint.Rules.Declarative;

/// <summary>
/// NJsonSchema enforces draft-04/07 without <c>const</c> and <c>contains</c>, and silently ignores keywords it does not
/// know. The rule schema refuses the unknown ones; these two are rewritten into keywords it does enforce, so a rule
/// means what its author wrote.
/// </summary>
internal static class SchemaDialect
{
    public static JToken Translate(JToken schema)
    {
        if (schema is not JObject obj)
        {
            return schema.DeepClone();
        }

        var result = new JObject();
        var extra = new List<JToken>();
        foreach (var property in obj.Properties())
        {
            switch (property.Name)
            {
                case "properties" or "patternProperties" or "definitions" when property.Value is JObject map:
                    result[property.Name] = new JObject(map.Properties().Select(p => new JProperty(p.Name, Translate(p.Value))));
                    break;
                case "additionalProperties" or "additionalItems" or "not":
                    result[property.Name] = Translate(property.Value);
                    break;
                case "items":
                    result[property.Name] = property.Value is JArray tuple ? new JArray(tuple.Select(Translate)) : Translate(property.Value);
                    break;
                case "allOf" or "anyOf" or "oneOf" when property.Value is JArray list:
                    result[property.Name] = new JArray(list.Select(Translate));
                    break;
                case "const":
                    extra.Add(new JObject { ["enum"] = new JArray(property.Value.DeepClone()) });
                    break;
                case "contains":
                    // "some item matches" = "not every item fails"; values that are not arrays pass, as in JSON Schema.
                    extra.Add(new JObject
                    {
                        ["anyOf"] = new JArray(
                            new JObject { ["not"] = new JObject { ["type"] = "array" } },
                            new JObject { ["not"] = new JObject { ["items"] = new JObject { ["not"] = Translate(property.Value) } } }),
                    });
                    break;
                default:
                    result[property.Name] = property.Value.DeepClone();
                    break;
            }
        }

        if (extra.Count > 0)
        {
            var allOf = result["allOf"] as JArray ?? [];
            foreach (var item in extra)
            {
                allOf.Add(item);
            }

            result["allOf"] = allOf;
        }

        return result;
    }
}
