using OciLint.Core.Deep;

namespace OciLint.Rules.Support;

/// <summary>What a manifest is (image, artifact, BuildKit attestation), shared by the manifest and media-type rules.</summary>
internal static class ManifestFacts
{
    public const string AttestationDigestAnnotation = "vnd.docker.reference.digest";
    public const string DockerPluginConfig = "application/vnd.docker.plugin.v1+json";

    /// <summary>A config type that makes the manifest a container image (OCI or Docker).</summary>
    public static bool IsImageConfig(string? mediaType) => MediaTypes.IsConfig(mediaType);

    /// <summary>Config types OciLint knows: the image configs, the empty descriptor and Docker plugins.</summary>
    public static bool IsKnownConfig(string? mediaType) => IsImageConfig(mediaType) || mediaType is MediaTypes.Empty or DockerPluginConfig;

    public static DescriptorModel? Config(JsonDocumentModel manifest) => manifest.Descriptors.FirstOrDefault(d => d.Role == DescriptorRole.Config);

    public static IEnumerable<DescriptorModel> Layers(JsonDocumentModel manifest) => manifest.Descriptors.Where(d => d.Role == DescriptorRole.Layer);

    /// <summary>
    /// A BuildKit attestation manifest: its index entry says so (vnd.docker.reference.type), or, when it was reached
    /// otherwise, every layer is an in-toto statement. It wears an image config by design (attestation-storage.md).
    /// </summary>
    public static bool IsAttestation(JsonDocumentModel manifest)
    {
        if (manifest.Parent is { } parent && Platforms.IsAttestation(parent))
        {
            return true;
        }

        var layers = Layers(manifest).ToList();
        return layers.Count > 0 && layers.All(l => l.MediaType == LayerMediaTypes.InToto);
    }

    /// <summary>The value of a string member of an object, with its node (for locations).</summary>
    public static (string Value, JsonNode Node)? StringMember(JsonNode? obj, string name) =>
        obj?.Get(name) is { IsString: true } node ? (node.Text!, node) : null;

    /// <summary>Docker's own media types (application/vnd.docker.*).</summary>
    public static bool IsDocker(string? mediaType) => mediaType?.StartsWith("application/vnd.docker.", StringComparison.Ordinal) == true;

    /// <summary>The OCI image-spec's own content types (application/vnd.oci.image.*), which a Docker manifest never uses.</summary>
    public static bool IsOciImage(string? mediaType) => mediaType?.StartsWith("application/vnd.oci.image.", StringComparison.Ordinal) == true;

    /// <summary>The manifest's family by the media type it was reached through, or its own mediaType member.</summary>
    public static bool IsDockerManifest(JsonDocumentModel manifest) =>
        (manifest.DeclaredMediaType ?? manifest.Root?.GetString("mediaType")) == MediaTypes.DockerManifest;
}
