using OciLint.Core.Deep;
using OciLint.Rules.Support;

namespace OciLint.Rules.Layer;

/// <summary>layer.md: "+gzip" is "an application/vnd.oci.image.layer.v1.tar payload which has been compressed with gzip"; tar layers "MUST be packaged in tar archive".</summary>
public sealed class LayerNotDecodable : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI413", "layer/not-decodable", "Layer is not what its media type claims (--deep)", Error, None)
    {
        Description = "With --deep: a layer blob does not decode as its media type says (+gzip that is not gzip, +zstd that is zstd-corrupt, a .tar that is gzip, a payload that is not a tar archive), or its tar stream is cut short. A tar stream that only lacks its end-of-archive marker (umoci 0.4.7 writes such layers) and a layer stopped by the decompression-bomb guard are warnings.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var descriptor in layout.Descriptors.Where(d => d.Role == DescriptorRole.Layer))
        {
            Check(layout, descriptor, context);
        }
    }

    private static void Check(LayoutModel layout, DescriptorModel descriptor, RuleContext context)
    {
        if (layout.Layers.For(descriptor) is not { } scan || DeepFacts.BlobCorrupt(layout, descriptor))
        {
            return;
        }

        var what = $"layer {descriptor.Position} ({Text.Short(descriptor.Digest)}, {descriptor.MediaType})";
        switch (scan.Outcome)
        {
            case LayerScanOutcome.NotDecodable:
                context.Report(descriptor.Owner, descriptor.Node, $"{what}: {scan.Problem}: runtimes fail to unpack it (containerd: \"failed to extract layer\", umoci: \"unpack manifest\")");
                break;
            case LayerScanOutcome.Truncated:
                context.Report(descriptor.Owner, descriptor.Node, $"{what} is truncated: {scan.Problem}: the last file is incomplete, and unpacking fails or leaves it cut short");
                break;
            case LayerScanOutcome.LimitExceeded:
                context.Report(descriptor.Owner, descriptor.Node, $"{what}: {scan.Problem}", severity: LayoutFacts.Milder(context, Warning));
                break;
            case LayerScanOutcome.Complete when scan.MissingEndOfArchive:
                context.Report(descriptor.Owner, descriptor.Node, $"{what} is a tar stream without its end: {scan.EndOfArchiveDetail}; umoci 0.4.7 writes such layers and GNU tar, umoci and containerd unpack them, but strict tar readers report an unexpected end of archive", severity: LayoutFacts.Milder(context, Warning));
                break;
        }
    }
}
