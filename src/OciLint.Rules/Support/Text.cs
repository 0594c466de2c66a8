namespace OciLint.Rules.Support;

internal static class Text
{
    public static string Short(string? digest) => digest is null ? "(none)" : digest.Length > 19 ? digest[..19] + "…" : digest;

    /// <summary>Quoted, comma-separated values; see <see cref="List{T}"/> for the limit.</summary>
    public static string Quoted(IEnumerable<string> values, int limit = ListLimit) => Join(values, limit, v => $"\"{v}\"");

    /// <summary>
    /// Comma-separated values, the first <paramref name="limit"/> of them and then "and N more": a message must stay
    /// readable when a big index repeats a digest or a name thousands of times.
    /// </summary>
    public static string List<T>(IEnumerable<T> values, int limit = ListLimit) => Join(values, limit, v => v?.ToString() ?? "");

    // Only the values shown are formatted; the rest are counted.
    private static string Join<T>(IEnumerable<T> values, int limit, Func<T, string> show)
    {
        var shown = new List<string>(limit);
        var count = 0;
        foreach (var value in values)
        {
            if (count++ < limit)
            {
                shown.Add(show(value));
            }
            else if (values is IReadOnlyCollection<T> collection)
            {
                // A collection knows its size: 50,000 ref names need not be walked to say "and 49990 more".
                count = collection.Count;
                break;
            }
        }

        var text = string.Join(", ", shown);
        return count > limit ? $"{text} and {count - limit} more" : text;
    }

    private const int ListLimit = 10;

    public static string Plural(int count, string one, string many) => count == 1 ? $"{count} {one}" : $"{count} {many}";
}
