using OciLint.Core.Blobs;
using OciLint.Core.Deep;
using OciLint.Rules.Support;

namespace OciLint.Rules.Layer;

/// <summary>config.md#layer-diffid: "A layer DiffID is the digest over the layer's uncompressed tar archive and serialized in the descriptor digest format".</summary>
public sealed class LayerDiffIdMismatch : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI514", "layer/diff-id-mismatch", "Uncompressed layer digest differs from rootfs.diff_ids (--deep)", Error, None)
    {
        Description = "With --deep: the digest of a layer's decoded tar stream differs from the DiffID at the same position of the config's rootfs.diff_ids. The layer is not the one the config describes: umoci fails (\"diffid mismatch\"), crane validate fails (\"mismatched layer[N] diffid\"), and containerd refuses to unpack it.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (!layout.Layers.Ran)
        {
            return;
        }

        // A config shared by several manifests is judged once per position.
        var judged = new HashSet<(JsonDocumentModel, int)>();
        foreach (var manifest in layout.Documents.Where(d => d.Kind == DocumentKind.Manifest))
        {
            if (ManifestFacts.Config(manifest)?.Target is not { Kind: DocumentKind.Config } config || config.Root?.Get("rootfs")?.Get("diff_ids") is not { IsArray: true } diffIds)
            {
                continue;
            }

            foreach (var layer in ManifestFacts.Layers(manifest))
            {
                // Count mismatches are OCI513's, undecodable layers OCI413's, a blob that fails its own digest OCI406's.
                if (layer.Position >= diffIds.Items.Count
                    || diffIds.Items[layer.Position] is not { IsString: true, Text: { } diffId } node
                    || Digests.Split(diffId) is not { } parts
                    || layout.Layers.For(layer) is not { Outcome: LayerScanOutcome.Complete } scan
                    || !scan.UncompressedDigests.TryGetValue(parts.Algorithm, out var actual)
                    || actual == diffId
                    || DeepFacts.BlobCorrupt(layout, layer)
                    || !judged.Add((config, layer.Position)))
                {
                    continue;
                }

                context.Report(
                    config,
                    node,
                    $"rootfs.diff_ids[{layer.Position}] is {Text.Short(diffId)}, but layer {layer.Position} ({Text.Short(layer.Digest)}) decodes to {actual}: umoci fails with \"diffid mismatch\", crane validate with \"mismatched layer[{layer.Position}] diffid\", containerd refuses to unpack it");
            }
        }
    }
}
