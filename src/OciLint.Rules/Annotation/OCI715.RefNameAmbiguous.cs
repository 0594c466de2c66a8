using OciLint.Rules.Support;

namespace OciLint.Rules.Annotation;

/// <summary>The same ref name on index.json entries that point at different content: which image the name means depends on the tool.</summary>
public sealed class RefNameAmbiguous : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI715", "annotation/ref-name-ambiguous", "Same ref.name on entries with different targets", Warning, None)
    {
        Description = "Several index.json entries carry the same org.opencontainers.image.ref.name but point at different digests. umoci fails (\"tag is ambiguous\"), skopeo and regclient take the first, oras the last. An error when the entries also have the same platform, since nothing can tell them apart.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.IndexJson)
        {
            return;
        }

        var entries = document.Descriptors.Where(d => d.Role == DescriptorRole.IndexEntry && d.RefName is not null && d.Digest is not null).ToList();

        // Most names are unique: count first, then group only the names given more than once.
        var counts = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            counts[entry.RefName!] = counts.GetValueOrDefault(entry.RefName!) + 1;
        }

        var groups = entries.Where(d => counts[d.RefName!] > 1).GroupBy(d => d.RefName!, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var seen = new List<DescriptorModel>();
            foreach (var entry in group)
            {
                var others = seen.Where(s => !string.Equals(s.Digest, entry.Digest, StringComparison.Ordinal)).ToList();
                seen.Add(entry);
                if (others.Count == 0)
                {
                    continue;
                }

                var platform = Platforms.Key(entry.Node.Get("platform"));
                var samePlatform = others.FirstOrDefault(o => Platforms.Key(o.Node.Get("platform")) == platform);
                var first = samePlatform ?? others[0];
                var where = platform is null ? "neither has a platform" : $"both for platform {platform}";
                var message = samePlatform is not null
                    ? $"ref name \"{group.Key}\" also names entry {first.Position} ({Text.Short(first.Digest)}), a different image, and {where}: nothing tells them apart (umoci: \"tag is ambiguous: {group.Key}\"; skopeo takes the first, oras the last)"
                    : $"ref name \"{group.Key}\" also names entry {first.Position} ({Text.Short(first.Digest)}), a different image for another platform: umoci fails (\"tag is ambiguous: {group.Key}\"), skopeo takes the first, oras the last";
                var severity = samePlatform is not null && context.Severity == context.Rule.DefaultSeverity ? Error : (Severity?)null;
                var node = RefNames.Member(entry, out _)!.Value.Value;
                context.Report(document.LocationOf(node), message, digest: null, severity: severity, related: [first.Location]);
            }
        }
    }
}
