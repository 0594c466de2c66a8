using OciLint.Core.Deep;

namespace OciLint.Rules.Manifest;

/// <summary>layer.md: "Non-distributable layers are deprecated ... Implementations SHOULD NOT produce new non-distributable layers."</summary>
public sealed class LayerNonDistributable : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI511", "manifest/layer-non-distributable", "Deprecated non-distributable layer media type", Warning, None)
    {
        Description = "A layer uses application/vnd.oci.image.layer.nondistributable.v1.tar[+gzip|+zstd], deprecated since image-spec v1.1. Consumers must still read them, but registries and copy tools treat them inconsistently (some skip the blob, some push it).",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.Role != DescriptorRole.Layer || !LayerMediaTypes.IsNonDistributable(descriptor.MediaType))
        {
            return;
        }

        var replacement = descriptor.MediaType!.Replace(".nondistributable", "", StringComparison.Ordinal);
        var urls = descriptor.Node.Get("urls") is { IsArray: true, Items.Count: > 0 } ? " (it lists urls, so copies may leave the blob out)" : "";
        context.Report(
            descriptor.Owner,
            descriptor.Node.Get("mediaType"),
            $"layer {descriptor.Position} uses the deprecated non-distributable type \"{descriptor.MediaType}\"{urls}: image-spec v1.1 says implementations SHOULD NOT produce them; new images use \"{replacement}\"");
    }
}
