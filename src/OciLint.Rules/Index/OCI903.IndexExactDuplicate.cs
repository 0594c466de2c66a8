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

        // Exact copies have the same ref name (the canonical text keeps same-named members in order, so their first
        // ref names match too). One entry per tag is the common shape: entries whose ref name no other entry has are
        // not hashed at all. Each entry's descriptor has its ref name already (OCI715 and OCI902 read it too).
        var refNames = new string?[manifests.Items.Count];
        foreach (var entry in document.Descriptors)
        {
            if (entry.Role == DescriptorRole.IndexEntry)
            {
                refNames[entry.Position] = entry.RefName;
            }
        }

        var withRefName = new Dictionary<string, int>(manifests.Items.Count, StringComparer.Ordinal);
        foreach (var name in refNames)
        {
            if (name is not null)
            {
                withRefName[name] = withRefName.GetValueOrDefault(name) + 1;
            }
        }

        // Canonical texts are built only for entries whose hash an earlier entry has: equal texts have equal hashes.
        var firstWithHash = new Dictionary<int, int>();
        var laterWithHash = new Dictionary<int, List<int>>();
        var canonical = new Dictionary<int, string>();
        string Canonical(int i) => canonical.TryGetValue(i, out var text) ? text : canonical[i] = JsonCanonical.Of(manifests.Items[i]);
        for (var i = 0; i < manifests.Items.Count; i++)
        {
            var item = manifests.Items[i];
            if (!item.IsObject || (refNames[i] is { } name && withRefName[name] == 1))
            {
                continue;
            }

            var hash = JsonCanonical.Hash(item);
            if (firstWithHash.TryAdd(hash, i))
            {
                continue;
            }

            var original = Original(hash, i);
            if (original < 0)
            {
                (laterWithHash.TryGetValue(hash, out var list) ? list : laterWithHash[hash] = []).Add(i);
                continue;
            }

            // Only index.json may be rewritten; a nested index is a content-addressed blob.
            var fix = document.Kind == DocumentKind.IndexJson
                ? new Fix($"remove entry {i}, an exact copy of entry {original}", FixSafety.Safe, [JsonEdits.RemoveArrayItem(document, manifests, i)])
                : null;
            context.Report(document, item, $"entry {i} is an exact copy of entry {original} ({Text.Short(item.GetString("digest"))})", fix);
        }

        // The first entry with the same text: only entries that are not copies are kept per hash, in order.
        int Original(int hash, int i)
        {
            if (Canonical(firstWithHash[hash]) == Canonical(i))
            {
                return firstWithHash[hash];
            }

            foreach (var earlier in laterWithHash.GetValueOrDefault(hash) ?? [])
            {
                if (Canonical(earlier) == Canonical(i))
                {
                    return earlier;
                }
            }

            return -1;
        }
    }
}
