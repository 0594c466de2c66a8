using OciLint.Rules.Support;

namespace OciLint.Rules.Config;

/// <summary>config.md, history[].empty_layer: "set to true if this history item doesn't correspond to an actual layer in the rootfs section".</summary>
public sealed class ConfigHistoryLayers : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI610", "config/history-layer-count", "History entries that are layers do not match rootfs.diff_ids", Warning, None)
    {
        Description = "The number of history entries without \"empty_layer\": true differs from the number of rootfs.diff_ids. Tools pair history with layers by position (docker history, dive, crane config, buildkit cache import), so they attribute layers to the wrong build steps or fail.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // No history is allowed (it is optional); an empty one says nothing either.
        if (document.Kind != DocumentKind.Config
            || document.Root is not { IsObject: true } root
            || root.Get("history") is not { IsArray: true, Items.Count: > 0 } history
            || root.Get("rootfs")?.Get("diff_ids") is not { IsArray: true } diffIds)
        {
            return;
        }

        var layered = history.Items.Count(h => h.Get("empty_layer") is not { Kind: JsonKind.True });
        if (layered == diffIds.Items.Count)
        {
            return;
        }

        context.Report(
            document,
            history,
            $"{Text.Plural(layered, "history entry is", "history entries are")} not marked \"empty_layer\": true, but rootfs.diff_ids lists {Text.Plural(diffIds.Items.Count, "layer", "layers")}: tools that pair history with layers by position (docker history, dive, BuildKit cache import) attribute layers to the wrong steps");
    }
}
