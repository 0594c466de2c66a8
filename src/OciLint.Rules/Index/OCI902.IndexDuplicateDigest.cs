using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>The Buildx v0.20 multi-tag shape: one index.json entry per tag, all for the same manifest.</summary>
public sealed class IndexDuplicateDigest : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI902", "compat/index-duplicate-digest", "Several index.json entries for the same digest", Warning, Always)
    {
        Description = "Entries with the same digest, size and media type that differ only in annotations (typically one ref name per tag) look like several images to single-image consumers such as skopeo and crane.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.IndexJson || document.Root?.Get("manifests") is not { IsArray: true } manifests)
        {
            return;
        }

        // Groups in order of first appearance (a Dictionary that is only added to keeps insertion order). Keyed by
        // the digest string alone, which gets the dictionary's fast string hashing; size and media type split it.
        var groups = new Dictionary<string, List<List<DescriptorModel>>>(StringComparer.Ordinal);
        var order = new List<List<DescriptorModel>>();
        foreach (var descriptor in document.Descriptors)
        {
            if (descriptor.Role != DescriptorRole.IndexEntry || descriptor.Digest is not { } digest)
            {
                continue;
            }

            if (!groups.TryGetValue(digest, out var sameDigest))
            {
                groups[digest] = sameDigest = [];
            }

            var group = SameSizeAndType(sameDigest, descriptor);
            if (group is null)
            {
                sameDigest.Add(group = []);
                order.Add(group);
            }

            group.Add(descriptor);
        }

        foreach (var members in order)
        {
            // Exact copies are OCI903's (with a safe fix); this rule needs at least two different variants.
            if (members.Count < 2 || !HasTwoVariants(members))
            {
                continue;
            }

            // --keep-ref names the survivor; without it (or when no entry of this group has that name), the first.
            var keepRef = context.Settings.FixInput("keep-ref");
            var kept = (keepRef is null ? null : members.Find(d => d.RefName == keepRef)) ?? members[0];
            var others = members.Where(d => !ReferenceEquals(d, kept)).ToList();
            var refs = members.Select(d => d.RefName ?? "(no ref name)").ToList();
            var dropped = Dropped(others, kept.RefName);
            var fix = new Fix(
                $"keep entry {kept.Position} ({kept.RefName ?? "no ref name"}) and remove {Text.Plural(others.Count, "other entry", "other entries")} for {Text.Short(kept.Digest)}",
                FixSafety.Unsafe,
                new DeferredEdits(() => ArrayEdits.RemoveItems(document, manifests, others.Select(d => d.Position))))
            {
                Description = dropped.Count > 0 ? $"drops ref name(s) {Text.Quoted(dropped)}" : "drops the other entries' annotations",
            };
            context.Report(
                document,
                members[1].Node,
                $"{Which(members)} point at {kept.Digest} (same size and media type) with ref names {Text.Quoted(refs)}: single-image consumers see {members.Count} images where there is one",
                fix);
        }
    }

    private static string Which(List<DescriptorModel> members) => members.Count == 2
        ? $"entries {members[0].Position} and {members[1].Position} both"
        : $"entries {Text.List(members.Select(d => d.Position))} all";

    // The other entries' ref names but the kept one's, each once, in order (a set sized up front: Distinct grew one entry by entry).
    private static List<string> Dropped(List<DescriptorModel> others, string? kept)
    {
        var seen = new HashSet<string>(others.Count, StringComparer.Ordinal);
        var dropped = new List<string>(others.Count);
        foreach (var other in others)
        {
            if (other.RefName is { } name && name != kept && seen.Add(name))
            {
                dropped.Add(name);
            }
        }

        return dropped;
    }

    // A loop, not List.Find with a lambda: that was a closure and a delegate for each of 50,000 entries.
    private static List<DescriptorModel>? SameSizeAndType(List<List<DescriptorModel>> groups, DescriptorModel descriptor)
    {
        foreach (var group in groups)
        {
            if (group[0].Size == descriptor.Size && group[0].MediaType == descriptor.MediaType)
            {
                return group;
            }
        }

        return null;
    }

    // Hash first: the canonical text of an entry is built only when its hash matches an earlier variant's.
    private static bool HasTwoVariants(List<DescriptorModel> members)
    {
        var firstHash = JsonCanonical.Hash(members[0].Node);
        string? first = null;
        for (var i = 1; i < members.Count; i++)
        {
            if (JsonCanonical.Hash(members[i].Node) != firstHash || JsonCanonical.Of(members[i].Node) != (first ??= JsonCanonical.Of(members[0].Node)))
            {
                return true;
            }
        }

        return false;
    }
}
