using System.Text.RegularExpressions;

namespace OciLint.Rules.Support;

/// <summary>An image reference in the distribution/reference grammar: [registry/]repository[:tag][@digest].</summary>
internal sealed partial record ImageReference(string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Parses a reference; null when it breaks the grammar. Registry is null when the name has no domain part.</summary>
    public static ImageReference? Parse(string value)
    {
        var match = Reference().Match(value);
        if (!match.Success || match.Groups["name"].Value.Length > 255)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        string? registry = null;
        var slash = name.IndexOf('/', StringComparison.Ordinal);

        // distribution's splitDockerDomain: the first component is a registry when it has '.' or ':', or is localhost.
        if (slash > 0 && name[..slash] is var first && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            if (!Domain().IsMatch(first))
            {
                return null;
            }

            registry = first;
            name = name[(slash + 1)..];
        }

        if (!Path().IsMatch(name))
        {
            return null;
        }

        return new ImageReference(registry, name, match.Groups["tag"].Success ? match.Groups["tag"].Value : null, match.Groups["digest"].Success ? match.Groups["digest"].Value : null);
    }

    /// <summary>The reference with Docker Hub's implied registry (and library/ for official images) made explicit.</summary>
    public static string Qualify(string value) => value.Contains('/', StringComparison.Ordinal) ? "docker.io/" + value : "docker.io/library/" + value;

    [GeneratedRegex(@"^(?<name>[^:@]+(?::[0-9]+/[^:@]+)?)(?::(?<tag>[\w][\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Domain();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Path();
}
