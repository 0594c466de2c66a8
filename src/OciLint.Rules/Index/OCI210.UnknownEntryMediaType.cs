namespace OciLint.Rules.Index;

/// <summary>image-index.md: indexes "concerned with portability SHOULD use" the manifest or index types; unknown ones "MUST be ignored".</summary>
public sealed class UnknownEntryMediaType : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI210", "index/unknown-entry-media-type", "Index entry with a media type other than manifest or index", Note, None)
    {
        Description = "A manifests[] entry whose mediaType is neither an image manifest nor an image index (a layer, an artifact type, application/xml). Allowed, and consumers must ignore it, but oci-image-tool rejects it (\"invalid descriptor MediaType\") and crane and skopeo cannot select it as an image.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // Missing or malformed types are OCI301/OCI302; Docker schema 1 is OCI803.
        if (descriptor.Role != DescriptorRole.IndexEntry
            || descriptor.MediaType is not { } type
            || MediaTypes.IsIndex(type)
            || MediaTypes.IsManifest(type)
            || type is MediaTypes.DockerSchema1 or MediaTypes.DockerSchema1Signed
            || !MediaTypeGrammar.IsMatch(type))
        {
            return;
        }

        context.Report(
            descriptor.Owner,
            descriptor.Node.Get("mediaType"),
            $"entry {descriptor.Position} has media type \"{type}\", not an image manifest or index: consumers must ignore it, but oci-image-tool fails (\"invalid descriptor MediaType\") and `crane push` reports \"layout contains non-image (mediaType: …)\"");
    }
}
