using OciLint.Rules.Support;

namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: "If the artifact does not need layers, a single layer SHOULD be included with a non-zero size."</summary>
public sealed class ArtifactZeroSizeLayer : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI518", "manifest/artifact-layer-zero-size", "Artifact layer with size 0", Warning, None)
    {
        Description = "An artifact (its config is not an image config) has a layer of size 0. The spec asks for a non-zero size and suggests the empty descriptor ({}, 2 bytes) instead: zero-length blobs are not uniformly supported by registries. An empty layers array is OCI509's.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Manifest || ManifestFacts.Config(document) is not { MediaType: { } configType } || ManifestFacts.IsImageConfig(configType))
        {
            return;
        }

        foreach (var layer in ManifestFacts.Layers(document).Where(l => l.Size == 0))
        {
            context.Report(
                document,
                layer.Node.Get("size"),
                $"artifact layer {layer.Position} has size 0: \"a single layer SHOULD be included with a non-zero size\"; zero-length blobs are not uniformly supported by registries, so use the empty descriptor ({MediaTypes.Empty}, sha256:44136fa…, size 2)");
        }
    }
}
