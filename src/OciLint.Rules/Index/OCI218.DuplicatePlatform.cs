using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>image-index.md: "If multiple manifests match a client or runtime's requirements, the first matching entry SHOULD be used."</summary>
public sealed class DuplicatePlatform : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI218", "index/duplicate-platform", "Two entries of one index with the same platform", Warning, None)
    {
        Description = "Two entries of an image index point at different manifests for the same platform. Consumers take the first match, so the later entry is never selected by platform. Attestation manifests, entries for the same digest (OCI902/OCI903) and, in index.json, entries selected by ref name (same name: OCI715) are left out.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (!document.IsIndexLike)
        {
            return;
        }

        var first = new Dictionary<string, DescriptorModel>(StringComparer.Ordinal);
        foreach (var entry in document.Descriptors.Where(d => d.Role == DescriptorRole.IndexEntry))
        {
            if (Platforms.Key(entry.Node.Get("platform")) is not { } key
                || Platforms.IsAttestation(entry)
                || (document.Kind == DocumentKind.IndexJson && entry.RefName is not null))
            {
                continue;
            }

            if (!first.TryGetValue(key, out var earlier))
            {
                first[key] = entry;
            }
            else if (!string.Equals(earlier.Digest, entry.Digest, StringComparison.Ordinal))
            {
                context.Report(
                    document,
                    entry.Node.Get("platform"),
                    $"entries {earlier.Position} and {entry.Position} both declare platform {key} for different manifests ({Text.Short(earlier.Digest)}, {Text.Short(entry.Digest)}): consumers take the first match, so entry {entry.Position} is never selected by platform");
            }
        }
    }
}
