namespace OciLint.Rules.MediaType;

/// <summary>Docker Image Manifest V2 schema 1 is deprecated and unknown to the OCI spec (which forbids an error for unknown types); no current consumer reads it from a layout.</summary>
public sealed class DockerSchema1 : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI803", "mediatype/docker-schema1", "Docker schema-1 manifest", Warning, None)
    {
        Description = "A descriptor points at a Docker schema-1 manifest (application/vnd.docker.distribution.manifest.v1+json or +prettyjws). Docker removed schema-1 support and registries refuse pushes of it; skopeo (\"matches unsupported manifest MIME types\") and crane (\"layout contains non-image\") cannot use it from a layout.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.MediaType is not (MediaTypes.DockerSchema1 or MediaTypes.DockerSchema1Signed))
        {
            return;
        }

        context.Report(
            descriptor.Owner,
            descriptor.Node.Get("mediaType"),
            $"{descriptor.Owner.File}{descriptor.Pointer} points at a Docker schema-1 manifest ({descriptor.MediaType}): deprecated and removed from Docker and most registries; skopeo fails with \"reference … matches unsupported manifest MIME types\" and crane with \"layout contains non-image\"; re-pull or convert the image to schema 2 or OCI (`skopeo copy --format oci`)");
    }
}
