namespace OciLint.Rules.Manifest;

/// <summary>distribution-spec: registries "SHOULD expect to be able to support manifest pushes of at least 4 megabytes" and "SHOULD enforce some limit".</summary>
public sealed class ManifestTooLarge : Rule
{
    public const long Limit = 4L * 1024 * 1024;

    public override RuleMetadata Metadata { get; } = new("OCI522", "manifest/too-large", "Manifest or index larger than 4 MiB", Warning, None)
    {
        Description = "A manifest or index blob is larger than 4 MiB, the size the distribution spec asks registries to accept at least. Registries may refuse the push (413, MANIFEST_INVALID); regclient refuses to pull it and docker-library's validator rejects it.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var document in layout.Documents.Where(d => d.Kind is DocumentKind.Manifest or DocumentKind.Index && d.Bytes.Length > Limit))
        {
            Report(context, document.Parent!, document.Bytes.Length);
        }

        // Beyond the walk's parsing limit the document was never read, but the blob's length is known.
        foreach (var (descriptor, reason) in layout.UnreadableTargets)
        {
            if (reason == UnreadableReason.TooLarge && layout.BlobEntry(descriptor.Digest) is { } entry)
            {
                Report(context, descriptor, entry.Length);
            }
        }
    }

    private static void Report(RuleContext context, DescriptorModel descriptor, long size) =>
        context.Report(
            descriptor.Owner,
            descriptor.Node,
            $"{Support.Text.Short(descriptor.Digest)} is {size / (1024.0 * 1024):0.0} MiB, over the 4 MiB registries are asked to accept: a push may fail (HTTP 413 or MANIFEST_INVALID) and regclient refuses to pull manifests over its limit; split the index or move large annotations into a blob");
}
