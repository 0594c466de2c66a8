using OciLint.Rules.Support;

namespace OciLint.Rules.Annotation;

/// <summary>annotations.md: "Keys using the org.opencontainers.image namespace are reserved for use in the OCI Image Specification and MUST NOT be used by other specifications and extensions".</summary>
public sealed class AnnotationReservedKeyUnknown : Rule
{
    public const string Prefix = OciAnnotationKeys.Prefix;

    public override RuleMetadata Metadata { get; } = new("OCI706", "annotation/unknown-oci-key", "Unknown key in the reserved org.opencontainers.image namespace", Warning, None)
    {
        Description = "An annotation key (or label) starts with org.opencontainers.image. but is not one of the spec's pre-defined keys (a typo such as org.opencontainers.image.created_at), or misspells the namespace itself (oci.opencontainers.image.created). The namespace is reserved, and tools that read the pre-defined keys never see the value. The message suggests the key that was probably meant.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        foreach (var (key, entries) in AnnotationMaps.ByKey(document))
        {
            if (Diagnose(key) is not { } message)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                context.Report(document.LocationOfName(entry.Member), $"{entry.Map.Name} key \"{key}\" {message}", digest: document.Digest, related: document.Chain());
            }
        }
    }

    /// <summary>Why the key is wrong, with a suggestion; null for a pre-defined key or a key outside the namespace.</summary>
    public static string? Diagnose(string key)
    {
        if (key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var suffix = key[Prefix.Length..];
            if (OciAnnotationKeys.Known.Contains(suffix, StringComparer.Ordinal))
            {
                return null;
            }

            var guess = OciAnnotationKeys.Guess(suffix);
            return $"is not a pre-defined key of the reserved org.opencontainers.image namespace: tools that read the pre-defined keys never see it{(guess is null ? "" : $"; did you mean \"{Prefix}{guess}\"?")}";
        }

        // A misspelt namespace: "oci.opencontainers.image.created" (the spec's own example), "org.opencontainer.image.x", "Org.OpenContainers.Image.x".
        for (var cut = Math.Max(1, Prefix.Length - 2); cut <= Math.Min(key.Length - 1, Prefix.Length + 2); cut++)
        {
            if (key[cut - 1] == '.' && OciAnnotationKeys.Distance(key[..cut].ToLowerInvariant(), Prefix) <= 2)
            {
                var suffix = key[cut..];
                var meant = OciAnnotationKeys.Known.Contains(suffix, StringComparer.Ordinal) ? suffix : OciAnnotationKeys.Guess(suffix) ?? suffix;
                return $"looks like a misspelt org.opencontainers.image namespace: tools that read the pre-defined keys never see it; did you mean \"{Prefix}{meant}\"?";
            }
        }

        return null;
    }
}
