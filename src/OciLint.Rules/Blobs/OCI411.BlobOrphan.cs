namespace OciLint.Rules.Blobs;

/// <summary>Blobs no descriptor reachable from index.json references. Allowed by the spec; off by default.</summary>
public sealed class BlobOrphan : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI411", "blob/orphan", "Unreferenced (orphan) blob", Off, None)
    {
        Description = "The blobs directory MAY contain blobs that nothing references. Enable this rule to find the space a garbage collection (umoci gc) would free.",
        Precision = "medium",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        // Without a parsed index.json every blob would look orphaned: that is OCI008/OCI101's finding, not thousands of these.
        if (layout.IndexJson?.Root is not { IsObject: true })
        {
            return;
        }

        foreach (var blob in layout.Blobs.Records)
        {
            if (blob.IsReferenced || !blob.HasDigestName || blob.Entry is null)
            {
                continue;
            }

            var size = blob.Length is { } length ? $" ({BlobText.Bytes(length)})" : "";
            context.Report(Location.ForFile(blob.Path), $"no descriptor reachable from index.json references {blob.Digest}{size}; `umoci gc` would delete it", digest: blob.Digest);
        }
    }
}
