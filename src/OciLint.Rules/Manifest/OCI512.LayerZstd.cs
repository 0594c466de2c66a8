using OciLint.Core.Deep;

namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: implementations "SHOULD also support" tar+zstd, unlike tar and tar+gzip, which they MUST.</summary>
public sealed class LayerZstd : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI512", "manifest/layer-zstd", "zstd-compressed layer", Note, None)
    {
        Description = "A layer is application/vnd.oci.image.layer.v1.tar+zstd. Valid (implementations SHOULD support it), but not every consumer does: oci-image-tool rejects it and Docker Engine before 23.0 cannot pull it. Worth knowing before shipping to older hosts.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // The non-distributable zstd type is OCI511's.
        if (descriptor.Role != DescriptorRole.Layer || LayerMediaTypes.CompressionOf(descriptor.MediaType) != LayerCompression.Zstd || LayerMediaTypes.IsNonDistributable(descriptor.MediaType))
        {
            return;
        }

        context.Report(
            descriptor.Owner,
            descriptor.Node.Get("mediaType"),
            $"layer {descriptor.Position} is zstd-compressed: allowed (SHOULD support), but oci-image-tool validate fails with \"layer validation failed\" and Docker Engine < 23.0 cannot pull it; use tar+gzip where such consumers matter");
    }
}
