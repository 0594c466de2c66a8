using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

internal static class NestedLayout
{
    /// <summary>
    /// For a tar with neither index.json nor oci-layout at its root: the top-level folder that holds them
    /// (the archive was made from the folder's parent). Null otherwise, and always null for a folder target.
    /// </summary>
    public static string? Folder(LayoutModel layout)
    {
        var source = layout.Source;
        if (source.Kind == SourceKind.Directory || source.Find("index.json") is not null || source.Find("oci-layout") is not null)
        {
            return null;
        }

        return source.Entries
            .Select(e => e.Path.Split('/'))
            .Where(parts => parts.Length == 2 && parts[1] is "index.json" or "oci-layout")
            .Select(parts => parts[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
