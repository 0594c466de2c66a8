using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>A descriptor listed twice, byte for byte the same after canonicalisation.</summary>
public sealed class IndexExactDuplicate : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI903", "compat/index-exact-duplicate", "Exact duplicate descriptors in an index", Warning, Sometimes)
    {
        Description = "The same descriptor appears more than once in an index. The copies add nothing but make single-image consumers see several images.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (!document.IsIndexLike || document.Root?.Get("manifests") is not { IsArray: true } manifests)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < manifests.Items.Count; i++)
        {
            var item = manifests.Items[i];
            if (!item.IsObject)
            {
                continue;
            }

            var canonical = JsonCanonical.Of(item);
            if (!seen.TryAdd(canonical, i))
            {
                // Only index.json may be rewritten; a nested index is a content-addressed blob.
                var fix = document.Kind == DocumentKind.IndexJson
                    ? new Fix($"remove entry {i}, an exact copy of entry {seen[canonical]}", FixSafety.Safe, [JsonEdits.RemoveArrayItem(document, manifests, i)])
                    : null;
                context.Report(document, item, $"entry {i} is an exact copy of entry {seen[canonical]} ({Text.Short(item.GetString("digest"))})", fix);
            }
        }
    }
}
