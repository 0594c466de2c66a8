using System.Text;
using System.Text.RegularExpressions;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Rules;

namespace OciLint.Core.Config;

/// <summary>
/// An <c>ignore</c> entry of the config: findings of <see cref="Rule"/> (id, name or family glob) that also match every
/// optional filter are suppressed, with <see cref="Reason"/> as the justification, until <see cref="Expires"/> has passed.
/// </summary>
public sealed record IgnoreEntry(string Rule, string Reason, FilePosition Position)
{
    private Regex? _path;

    /// <summary>
    /// A glob ('*' within a segment, '**' across segments) matched against the file inside the layout
    /// (<c>index.json</c>), the layout relative to the config's folder (<c>build/image.tar</c>), or both joined
    /// (<c>build/image/index.json</c>).
    /// </summary>
    public string? Path { get; init; }

    /// <summary>The digest of the document the finding is in (or of the blob it is about).</summary>
    public string? Digest { get; init; }

    /// <summary>A JSON Pointer; the entry covers findings at it and below it.</summary>
    public string? Pointer { get; init; }

    /// <summary>The last day the entry applies.</summary>
    public DateOnly? Expires { get; init; }

    public bool IsExpired(DateOnly today) => Expires is { } last && today > last;

    /// <param name="rule">The finding's rule (null when unknown: then only an id selector can match).</param>
    /// <param name="target">The layout, relative to the config's folder, '/'-separated.</param>
    public bool Matches(Finding finding, RuleMetadata? rule, string target)
    {
        var ruleMatches = rule is null ? Rule.Equals(finding.RuleId, StringComparison.OrdinalIgnoreCase) : RuleConfiguration.Matches(Rule, rule);
        if (!ruleMatches)
        {
            return false;
        }

        if (Digest is not null && !string.Equals(Digest, finding.Digest, StringComparison.Ordinal))
        {
            return false;
        }

        if (Pointer is not null)
        {
            var at = finding.Location.Pointer ?? "";
            if (at != Pointer && !at.StartsWith(Pointer + "/", StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (Path is not null)
        {
            _path ??= Glob(Path);
            var file = finding.Location.File;
            var joined = file.Length == 0 ? target : target == "." ? file : target + "/" + file;
            if (!_path.IsMatch(file) && !_path.IsMatch(target) && !_path.IsMatch(joined))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"{Position}: ignore {Rule}";

    private static Regex Glob(string glob)
    {
        var text = glob.Replace('\\', '/');
        if (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        var pattern = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i++;
                if (i + 1 < text.Length && text[i + 1] == '/')
                {
                    // "**/" also matches no folder at all.
                    pattern.Append("(?:.*/)?");
                    i++;
                }
                else
                {
                    pattern.Append(".*");
                }
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
