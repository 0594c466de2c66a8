using OciLint.Rules.Support;

namespace OciLint.Rules.MediaType;

/// <summary>media-types.md compatibility matrix: Docker Image Manifest V2 types are "similar" formats; an OCI layout may hold them, and unknown types "MUST NOT generate an error".</summary>
public sealed class DockerFormat : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI801", "mediatype/docker-format", "Docker v2 image (manifest list or schema-2 manifest) in an OCI layout", Note, None)
    {
        Description = "A descriptor points at a Docker manifest list or schema-2 manifest (with its Docker config and layers), as `skopeo copy --format v2s2` and `buildah push --format v2s2` write. Valid, and skopeo, crane and regclient read it, but umoci fails (\"descriptor does not point to ispec.MediaTypeImageManifest: not implemented\") and oci-image-tool fails (\"invalid descriptor MediaType\"). Reported once where the Docker part of the graph begins.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // Inside a Docker list the family is already reported at the list; index.json's own type is OCI204's.
        if (descriptor.Role != DescriptorRole.IndexEntry
            || descriptor.MediaType is not (MediaTypes.DockerManifest or MediaTypes.DockerManifestList) 
            || descriptor.Owner.DeclaredMediaType == MediaTypes.DockerManifestList)
        {
            return;
        }

        var what = descriptor.MediaType == MediaTypes.DockerManifestList ? "a Docker manifest list" : "a Docker schema-2 manifest";
        var tag = descriptor.RefName is { } name ? $" (\"{name}\")" : "";
        context.Report(
            descriptor.Owner,
            descriptor.Node.Get("mediaType"),
            $"entry {descriptor.Position}{tag} is {what}, a Docker-format image in an OCI layout: skopeo, crane and regclient read it, but `umoci unpack` fails with \"descriptor does not point to ispec.MediaTypeImageManifest: not implemented\" and oci-image-tool with \"invalid descriptor MediaType\"; `skopeo copy --format oci` converts it");
    }
}
