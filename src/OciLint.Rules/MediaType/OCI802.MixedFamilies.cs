using OciLint.Rules.Support;

namespace OciLint.Rules.MediaType;

/// <summary>media-types.md lists OCI and Docker types as separate formats: a manifest of one family should not reference the other's config or layer types.</summary>
public sealed class MixedFamilies : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI802", "mediatype/mixed-families", "Manifest mixes OCI and Docker media types", Warning, None)
    {
        Description = "An OCI manifest references a Docker config or Docker layer type, or a Docker schema-2 manifest references OCI image types. Registries accept it, but podman and containers-image fail (\"unsupported MIME type for compression: application/vnd.docker.image.rootfs.diff.tar.gzip\", google/go-containerregistry#1606) and conversions between formats break.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Manifest)
        {
            return;
        }

        var docker = ManifestFacts.IsDockerManifest(document);
        var foreign = document.Descriptors
            .Where(d => d.Role is DescriptorRole.Config or DescriptorRole.Layer)
            .Where(d => docker ? ManifestFacts.IsOciImage(d.MediaType) : ManifestFacts.IsDocker(d.MediaType))
            .ToList();
        if (foreign.Count == 0)
        {
            return;
        }

        var family = docker ? "Docker schema-2" : "OCI";
        var others = docker ? "OCI" : "Docker";
        var types = foreign.Select(d => d.MediaType!).Distinct(StringComparer.Ordinal).ToList();
        context.Report(
            document,
            foreign[0].Node.Get("mediaType"),
            $"this {family} manifest references {others} media types ({Text.Quoted(types)}, at {Text.List(foreign.Select(d => d.Pointer))}): podman and containers-image fail with \"unsupported MIME type for compression\" and format conversions break; rebuild or convert the whole image to one family (`skopeo copy --format {(docker ? "v2s2" : "oci")}`)");
    }
}
