using OciLint.Core.Blobs;

namespace OciLint.Rules.Blobs;

/// <summary>Wording and locations shared by the blob rules.</summary>
internal static class BlobText
{
    /// <summary>Where a blob is referenced from: every referencing descriptor, for SARIF relatedLocations.</summary>
    public static IReadOnlyList<Location> Referrers(BlobRecord record) => [.. record.References.Select(d => d.Location)];

    /// <summary>The <c>digest</c> member of a descriptor, falling back to the descriptor itself.</summary>
    public static JsonNode DigestNode(DescriptorModel descriptor) => descriptor.Node.Get("digest") ?? descriptor.Node;

    public static string Bytes(long count) => count == 1 ? "1 byte" : $"{count} bytes";

    /// <summary>Files whose names say an interrupted or unfinished write left them (a warning, not an error).</summary>
    public static bool LooksLikeLeftover(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.StartsWith('.') || lower.EndsWith('~')
            || new[] { "tmp", "temp", "partial", "part", "upload", "ingest", "incomplete", "lock", "download" }.Any(w => lower.Contains(w, StringComparison.Ordinal));
    }
}
