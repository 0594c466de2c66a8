namespace OciLint.Rules.Declarative;

/// <summary>
/// The JSONPath subset most rules use: <c>$</c> followed by <c>.name</c>, <c>['name']</c>, <c>[*]</c>, <c>.*</c> and
/// <c>[n]</c>, evaluated on the positioned tree. It selects exactly what Newtonsoft's <c>SelectTokens</c> selects for
/// those paths (first value of a duplicated member, as the token tree keeps; <c>.*</c> the values of an object,
/// <c>[*]</c> the items of an array, nothing otherwise), so that a declarative rule on a valid document needs neither Newtonsoft nor NJsonSchema. Anything else
/// (filters, recursive descent, slices, unions) is not parsed, and the rule takes the Newtonsoft path.
/// </summary>
internal sealed class SimplePath
{
    private enum Step
    {
        Member,
        Values,
        Item,
        Items,
    }

    private readonly (Step Step, string? Name, int Index)[] _segments;

    private SimplePath((Step, string?, int)[] segments) => _segments = segments;

    public static SimplePath? TryParse(string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<(Step, string?, int)>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && (char.IsAsciiLetterOrDigit(path[i]) || path[i] is '_' or '-'))
                {
                    i++;
                }

                if (i < path.Length && path[i] == '*' && i == start)
                {
                    segments.Add((Step.Values, null, 0));
                    i++;
                    continue;
                }

                if (i == start)
                {
                    return null;
                }

                segments.Add((Step.Member, path[start..i], 0));
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    return null;
                }

                var inner = path[(i + 1)..close];
                if (inner == "*")
                {
                    segments.Add((Step.Items, null, 0));
                }
                else if (inner.Length >= 2 && inner[0] == '\'' && inner[^1] == '\'' && inner.IndexOfAny(['\'', '\\'], 1) == inner.Length - 1)
                {
                    segments.Add((Step.Member, inner[1..^1], 0));
                }
                else if (inner.Length is > 0 and < 9 && inner.All(char.IsAsciiDigit))
                {
                    segments.Add((Step.Item, null, int.Parse(inner, System.Globalization.CultureInfo.InvariantCulture)));
                }
                else
                {
                    return null;
                }

                i = close + 1;
            }
            else
            {
                return null;
            }
        }

        return new SimplePath([.. segments]);
    }

    /// <summary>The selected values, in document order, each once.</summary>
    public List<JsonNode> Select(JsonNode start)
    {
        var current = new List<JsonNode> { start };
        foreach (var (step, name, index) in _segments)
        {
            var next = new List<JsonNode>();
            foreach (var node in current)
            {
                switch (step)
                {
                    case Step.Member when node.IsObject && node.Get(name!) is { } value:
                        next.Add(value);
                        break;
                    case Step.Values when node.IsObject:
                        // Newtonsoft's objects hold each name once; the token tree keeps the first value.
                        var seen = new HashSet<string>(StringComparer.Ordinal);
                        foreach (var member in node.Members)
                        {
                            if (seen.Add(member.Name))
                            {
                                next.Add(member.Value);
                            }
                        }

                        break;
                    case Step.Item when node.IsArray && index < node.Items.Count:
                        next.Add(node.Items[index]);
                        break;
                    case Step.Items when node.IsArray:
                        next.AddRange(node.Items);
                        break;
                }
            }

            current = next;
        }

        return [.. current.Distinct(ReferenceEqualityComparer.Instance).Cast<JsonNode>()];
    }
}
