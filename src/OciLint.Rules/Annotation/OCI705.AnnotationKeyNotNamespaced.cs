using OciLint.Rules.Support;

namespace OciLint.Rules.Annotation;

/// <summary>annotations.md: "Keys SHOULD be named using a reverse domain notation - e.g. com.example.myKey."</summary>
public sealed class AnnotationKeyNotNamespaced : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI705", "annotation/key-not-reverse-domain", "Annotation key not in reverse-domain notation", Note, None)
    {
        Description = "An annotation key is not namespaced at all (\"version\", \"maintainer\") or is a malformed dotted name (empty labels, leading or trailing dot, spaces). Unnamespaced keys collide between tools; the spec asks for reverse-domain keys such as com.example.version. config.Labels are not checked (Docker's LABEL conventions differ).",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        foreach (var (key, entries) in AnnotationMaps.ByKey(document, includeLabels: false))
        {
            // Empty keys are OCI704's.
            if (key.Length == 0 || IsNamespaced(key))
            {
                continue;
            }

            var why = key.Contains('.', StringComparison.Ordinal) ? "is not a well-formed dotted name" : "has no namespace";
            foreach (var entry in entries)
            {
                context.Report(document.LocationOfName(entry.Member), $"annotation key \"{key}\" {why}: keys SHOULD use reverse-domain notation (com.example.{Suggestion(key)}) so that tools do not collide", digest: document.Digest, related: document.Chain());
            }
        }
    }

    /// <summary>At least two dot-separated labels, none empty, no whitespace; a "/" part (Kubernetes style, "dev.sigstore.cosign/bundle") is allowed.</summary>
    private static bool IsNamespaced(string key)
    {
        var domain = key.Split('/', 2)[0];
        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length > 0) && !key.Any(char.IsWhiteSpace);
    }

    private static string Suggestion(string key) => string.Concat(key.Where(c => !char.IsWhiteSpace(c) && c != '.')) is { Length: > 0 } s ? s : "key";
}
