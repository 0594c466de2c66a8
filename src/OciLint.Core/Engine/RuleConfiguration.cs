using OciLint.Core.Findings;
using OciLint.Core.Rules;

namespace OciLint.Core.Engine;

/// <summary>
/// Severity overrides applied in order, last match wins: from the config file, then <c>--enable</c>/<c>--disable</c>.
/// A selector is an id (<c>OCI902</c>), a name (<c>index/duplicate-digest</c>), a family glob (<c>index/*</c>) or <c>*</c>.
/// </summary>
public sealed class RuleConfiguration
{
    private readonly List<(string Selector, Severity? Severity)> _overrides = [];

    public static RuleConfiguration Default { get; } = new();

    public IReadOnlyList<(string Selector, Severity? Severity)> Overrides => _overrides;

    /// <summary>Sets a severity; <c>null</c> means "enable at the default severity" (for rules that are off by default, warning).</summary>
    public RuleConfiguration Set(string selector, Severity? severity)
    {
        _overrides.Add((selector, severity));
        return this;
    }

    public static bool Matches(string selector, RuleMetadata rule)
    {
        selector = selector.Trim();
        if (selector == "*" || selector.Equals(rule.Id, StringComparison.OrdinalIgnoreCase) || selector.Equals(rule.Name, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (selector.EndsWith("/*", StringComparison.Ordinal))
        {
            return selector[..^2].Equals(rule.Family, StringComparison.OrdinalIgnoreCase);
        }

        // "OCI9*" or "OCI9xx" select an id range.
        if (selector.EndsWith('*') && rule.Id.StartsWith(selector[..^1], StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return selector.Length == 6 && selector.EndsWith("xx", StringComparison.OrdinalIgnoreCase) && rule.Id.StartsWith(selector[..4], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the selector names at least one of the rules (for "unknown rule" errors).</summary>
    public static bool SelectsAny(string selector, IEnumerable<RuleMetadata> rules) => rules.Any(r => Matches(selector, r));

    public Severity Resolve(RuleMetadata rule)
    {
        var severity = rule.DefaultSeverity;
        foreach (var (selector, value) in _overrides)
        {
            if (Matches(selector, rule))
            {
                severity = value ?? (rule.DefaultSeverity == Severity.Off ? Severity.Warning : rule.DefaultSeverity);
            }
        }

        return severity;
    }
}
