namespace OciLint.Rules;

/// <summary>The rule doc pages (rules/&lt;ID&gt;.md), embedded so `explain` and SARIF help work from any install.</summary>
public static class RuleDocs
{
    public static string? Get(string id)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"OciLint.RuleDocs.{id.ToUpperInvariant()}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The text of one "## Heading" section of a doc page, or null.</summary>
    public static string? Section(string markdown, string heading)
    {
        var marker = "## " + heading;
        var start = markdown.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = markdown.IndexOf("\n## ", start, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)].Trim();
    }
}
