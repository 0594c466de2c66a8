namespace OciLint.Rules.Support;

/// <summary>The pre-defined org.opencontainers.image.* keys and the "did you mean" for misspelt ones.</summary>
internal static class OciAnnotationKeys
{
    public const string Prefix = "org.opencontainers.image.";

    /// <summary>The pre-defined keys of annotations.md.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "created", "authors", "url", "documentation", "source", "version", "revision", "vendor", "licenses", "ref.name", "title", "description", "base.digest", "base.name",
    ];

    // Names other conventions (Label Schema, Docker, Dockerfile habits) use for the same things.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["created_at"] = "created", ["creation"] = "created", ["date"] = "created", ["build-date"] = "created", ["build_date"] = "created", ["timestamp"] = "created",
        ["author"] = "authors", ["maintainer"] = "authors", ["maintainers"] = "authors",
        ["license"] = "licenses", ["licence"] = "licenses", ["licences"] = "licenses",
        ["repo"] = "source", ["repository"] = "source", ["vcs-url"] = "source", ["vcs_url"] = "source", ["git"] = "source", ["source-url"] = "source",
        ["commit"] = "revision", ["sha"] = "revision", ["vcs-ref"] = "revision", ["vcs_ref"] = "revision", ["git-commit"] = "revision",
        ["ref"] = "ref.name", ["tag"] = "ref.name", ["refname"] = "ref.name", ["name"] = "title",
        ["docs"] = "documentation", ["homepage"] = "url", ["website"] = "url",
        ["base.image"] = "base.name", ["base.ref"] = "base.name", ["base"] = "base.name", ["base.sha"] = "base.digest",
    };

    /// <summary>The pre-defined key a misspelt suffix most likely meant; null when nothing is close.</summary>
    public static string? Guess(string suffix)
    {
        if (Known.FirstOrDefault(k => k.Equals(suffix, StringComparison.OrdinalIgnoreCase)) is { } cased)
        {
            return cased;
        }

        if (Aliases.TryGetValue(suffix, out var alias))
        {
            return alias;
        }

        var normalized = suffix.Replace('_', '.').Replace('-', '.');
        if (Known.FirstOrDefault(k => k.Equals(normalized, StringComparison.OrdinalIgnoreCase)) is { } separated)
        {
            return separated;
        }

        // "created_at" -> "created", "ref" -> "ref.name": one contains the other at a separator.
        var partial = Known.Where(k => (suffix.StartsWith(k, StringComparison.OrdinalIgnoreCase) && suffix.Length > k.Length && !char.IsLetterOrDigit(suffix[k.Length]))
            || (k.StartsWith(suffix, StringComparison.OrdinalIgnoreCase) && k.Length > suffix.Length && k[suffix.Length] == '.')).OrderByDescending(k => k.Length).FirstOrDefault();
        if (partial is not null)
        {
            return partial;
        }

        var best = Known.Select(k => (Key: k, Distance: Distance(suffix.ToLowerInvariant(), k))).OrderBy(c => c.Distance).First();
        return best.Distance <= Math.Max(2, best.Key.Length / 3) ? best.Key : null;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
