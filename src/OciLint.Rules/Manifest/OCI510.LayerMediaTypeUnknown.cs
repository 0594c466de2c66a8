using OciLint.Core.Deep;
using OciLint.Rules.Index;
using OciLint.Rules.Support;

namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: "Manifests concerned with portability SHOULD use one of the above media types", and implementations "MUST NOT error" on unknown ones.</summary>
public sealed class LayerMediaTypeUnknown : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI510", "manifest/layer-media-type-unknown", "Image layer with a media type runtimes cannot apply", Note, None)
    {
        Description = "A container image (its config is the OCI or Docker image config) mixes filesystem layers with a layer whose media type is not a tar layer type (OCI, non-distributable or Docker). The spec forbids an error for it, but runtimes cannot apply such a layer: unpacking fails. Artifacts and BuildKit attestation manifests carry such layers by design and are not reported.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Manifest
            || !ManifestFacts.IsImageConfig(ManifestFacts.Config(document)?.MediaType)
            || ManifestFacts.IsAttestation(document))
        {
            return;
        }

        var layers = ManifestFacts.Layers(document).ToList();

        // No filesystem layer at all: an artifact wearing an image config, which is OCI517's.
        if (!layers.Any(l => LayerMediaTypes.IsFilesystemLayer(l.MediaType)))
        {
            return;
        }

        foreach (var layer in layers)
        {
            // Missing or malformed types are OCI301/OCI302's.
            if (layer.MediaType is not { } type || LayerMediaTypes.IsFilesystemLayer(type) || !MediaTypeGrammar.IsMatch(type))
            {
                continue;
            }

            context.Report(
                document,
                layer.Node.Get("mediaType"),
                $"layer {layer.Position} has media type \"{type}\", which is no tar layer type, in a container image: copying works, but runtimes cannot apply it (oci-image-tool: \"layer validation failed\"; containerd and umoci fail to unpack the image)");
        }
    }
}
