namespace OciLint.Rules.Support;

internal static class Text
{
    public static string Short(string? digest) => digest is null ? "(none)" : digest.Length > 19 ? digest[..19] + "…" : digest;

    /// <summary>Quoted, comma-separated values; see <see cref="List{T}"/> for the limit.</summary>
    public static string Quoted(IEnumerable<string> values, int limit = ListLimit) => List(values.Select(v => $"\"{v}\""), limit);

    /// <summary>
    /// Comma-separated values, the first <paramref name="limit"/> of them and then "and N more": a message must stay
    /// readable when a big index repeats a digest or a name thousands of times.
    /// </summary>
    public static string List<T>(IEnumerable<T> values, int limit = ListLimit)
    {
        var all = values as IReadOnlyCollection<T> ?? [.. values];
        var shown = string.Join(", ", all.Take(limit));
        return all.Count > limit ? $"{shown} and {all.Count - limit} more" : shown;
    }

    private const int ListLimit = 10;

    public static string Plural(int count, string one, string many) => count == 1 ? $"{count} {one}" : $"{count} {many}";
}
