using System.Text.RegularExpressions;

namespace OciLint.Rules.Annotation;

/// <summary>annotations.md: org.opencontainers.image.url, .documentation and .source are URLs ("URL to find more information on the image", "URL to get source code for building the image").</summary>
public sealed partial class AnnotationUrlInvalid : Rule
{
    private static readonly string[] Keys = ["org.opencontainers.image.url", "org.opencontainers.image.documentation", "org.opencontainers.image.source"];

    public override RuleMetadata Metadata { get; } = new("OCI708", "annotation/url-invalid", "url, documentation or source annotation is not a URL", Warning, None)
    {
        Description = "The value of org.opencontainers.image.url, .documentation or .source (annotation or label) is not an absolute URL: \"github.com/org/repo\" without a scheme, an scp-style git remote (git@github.com:org/repo.git), spaces. Registries link these values (GitHub Packages links the repository from .source) and skip ones they cannot parse.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // Key by key, in document order within each key.
        foreach (var key in Keys)
        {
            foreach (var entry in Support.AnnotationMaps.WithKey(document, key))
            {
                // An empty value states nothing, as buildah's empty base annotations.
                if (entry.Value.Length > 0 && Judge(entry.Value) is { } problem)
                {
                    context.Report(document, entry.Member.Value, $"{entry.Map.Name} {key} \"{entry.Value}\" {problem}");
                }
            }
        }
    }

    private static string? Judge(string value)
    {
        if (ScpRemote().IsMatch(value))
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var host = value[(value.IndexOf('@', StringComparison.Ordinal) + 1)..colon];
            return $"is an scp-style git remote, not a URL: registries cannot link it; did you mean \"https://{host}/{value[(colon + 1)..]}\"?";
        }

        if (!Scheme().IsMatch(value) || value.Any(char.IsWhiteSpace) || !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            var hint = !value.Contains(':', StringComparison.Ordinal) && value.Contains('.', StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace) ? $"; did you mean \"https://{value}\"?" : "";
            return $"is not an absolute URL (scheme://…): registries and UIs that link it skip it{hint}";
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^/]", RegexOptions.CultureInvariant)]
    private static partial Regex ScpRemote();
}
