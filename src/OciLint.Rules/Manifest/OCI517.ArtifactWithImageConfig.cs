using OciLint.Core.Deep;
using OciLint.Rules.Support;

namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: for an artifact "the config.mediaType value MUST be set to a value specific to the artifact type or the empty value".</summary>
public sealed class ArtifactWithImageConfig : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI517", "manifest/artifact-with-image-config", "Artifact packaged with the image config type", Warning, None)
    {
        Description = "The manifest declares the OCI image config, yet none of its layers is a filesystem layer: it is an artifact dressed as a container image. Runtimes that pull it fail to unpack it; the spec asks artifacts to use an artifact-specific config type or the empty descriptor. BuildKit attestation manifests do this by design and are not reported (OCI807 checks them).",
        Precision = "medium",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Manifest
            || ManifestFacts.Config(document) is not { MediaType: MediaTypes.ImageConfig } config
            || ManifestFacts.IsAttestation(document))
        {
            return;
        }

        var layers = ManifestFacts.Layers(document).ToList();
        if (layers.Count == 0 || layers.Any(l => l.MediaType is null || LayerMediaTypes.IsFilesystemLayer(l.MediaType)))
        {
            return;
        }

        var types = layers.Select(l => l.MediaType!).Distinct(StringComparer.Ordinal).ToList();
        context.Report(
            document,
            config.Node.Get("mediaType"),
            $"the config is the image config ({MediaTypes.ImageConfig}) but no layer is a filesystem layer ({Text.Quoted(types)}): an artifact packaged as a runnable image, which runtimes try and fail to unpack; use an artifact-specific config type, or {MediaTypes.Empty} with an artifactType");
    }
}
