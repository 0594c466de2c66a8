namespace OciLint.Rules.Support;

/// <summary>Removing several elements of one array as one fix, with edits that never overlap.</summary>
internal static class ArrayEdits
{
    /// <summary>
    /// One edit per run of consecutive removed elements: a run after a kept element goes from that element's
    /// end (taking the comma), a run at the front up to the next kept element's start. Runs are separated by
    /// kept elements, so the ranges are disjoint whichever elements survive.
    /// </summary>
    public static IReadOnlyList<TextReplacement> RemoveItems(JsonDocumentModel document, JsonNode array, IEnumerable<int> indexes)
    {
        var items = array.Items;
        var removed = InOrder(indexes, items.Count);
        var edits = new List<TextReplacement>();

        // Runs of consecutive indexes; the elements around a run are kept. Cost follows the removed count, not the array's length.
        for (var at = 0; at < removed.Count;)
        {
            var first = removed[at];
            var last = first;
            while (++at < removed.Count && removed[at] == last + 1)
            {
                last++;
            }

            if (first > 0)
            {
                edits.Add(JsonEdits.Replace(document, items[first - 1].End, items[last].End, ""));
            }
            else if (last + 1 < items.Count)
            {
                edits.Add(JsonEdits.Replace(document, items[first].Start, items[last + 1].Start, ""));
            }
            else
            {
                edits.Add(JsonEdits.Replace(document, items[first].Start, items[last].End, ""));
            }
        }

        return edits;
    }

    // Callers pass their indexes in document order nearly always: check that in one pass, and sort only otherwise.
    private static List<int> InOrder(IEnumerable<int> indexes, int count)
    {
        var list = new List<int>();
        var ascending = true;
        foreach (var i in indexes)
        {
            if (i >= 0 && i < count)
            {
                ascending &= list.Count == 0 || list[^1] < i;
                list.Add(i);
            }
        }

        return ascending ? list : list.Distinct().Order().ToList();
    }
}
