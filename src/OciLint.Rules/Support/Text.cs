namespace OciLint.Rules.Support;

internal static class Text
{
    public static string Short(string? digest) => digest is null ? "(none)" : digest.Length > 19 ? digest[..19] + "…" : digest;

    public static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));

    public static string Plural(int count, string one, string many) => count == 1 ? $"{count} {one}" : $"{count} {many}";
}
