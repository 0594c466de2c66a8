using OciLint.Rules.Support;

namespace OciLint.Rules.Manifest;

/// <summary>manifest.md orders layers "from layers[0] to layers[len(layers)-1]"; config.md lists the DiffIDs "in order from first to last": one per layer.</summary>
public sealed class LayersDiffIdsCount : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI513", "manifest/layers-diff-ids-count", "Number of layers differs from rootfs.diff_ids", Error, None)
    {
        Description = "The manifest lists a different number of layers than its image config lists rootfs.diff_ids. Each layer has exactly one DiffID; crane validate fails with \"mismatched fs layers (N) and diff ids (M)\", and runtimes that pair them by position build the wrong chain of layer IDs.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Manifest
            || document.Root?.Get("layers") is not { IsArray: true } layers
            || ManifestFacts.Config(document) is not { Target: { Kind: DocumentKind.Config } config }
            || config.Root?.Get("rootfs")?.Get("diff_ids") is not { IsArray: true } diffIds
            || layers.Items.Count == diffIds.Items.Count)
        {
            return;
        }

        context.Report(
            document,
            layers,
            $"the manifest lists {Text.Plural(layers.Items.Count, "layer", "layers")} but its config ({Text.Short(config.Digest)}) lists {Text.Plural(diffIds.Items.Count, "DiffID", "DiffIDs")} in rootfs.diff_ids: each layer needs exactly one; crane validate fails with \"mismatched fs layers ({layers.Items.Count}) and diff ids ({diffIds.Items.Count})\", while umoci and skopeo ignore extra DiffIDs");
    }
}
