using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Rules;

namespace OciLint.Core.Config;

/// <summary>
/// Marks accepted findings as suppressed (they stay in every report, as SARIF suppressions, JUnit skipped tests and a
/// count in the text summary): first the config's <c>ignore</c> entries that have not expired, then the baseline.
/// Remembers which baseline entries matched, so the stale ones can be reported.
/// </summary>
public sealed class Suppressions
{
    private readonly OciLintConfig? _config;
    private readonly Dictionary<string, RuleMetadata> _rules;
    private readonly IReadOnlyList<IgnoreEntry> _active;
    private readonly HashSet<(string Target, string Fingerprint)> _matched = [];
    private readonly HashSet<string> _checkedTargets = new(StringComparer.Ordinal);

    public Suppressions(OciLintConfig? config, IEnumerable<RuleMetadata> rules, DateOnly today)
    {
        _config = config;
        _rules = rules.DistinctBy(r => r.Id).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        var ignore = config?.Ignore ?? [];
        Expired = [.. ignore.Where(e => e.IsExpired(today))];
        _active = [.. ignore.Where(e => !e.IsExpired(today))];
    }

    /// <summary>Ignore entries past their <c>expires</c> date: they no longer apply, and the user should hear so.</summary>
    public IReadOnlyList<IgnoreEntry> Expired { get; }

    /// <summary>Applies the config's ignore entries.</summary>
    public LintResult ApplyIgnores(LintResult result)
    {
        if (_config is null || _active.Count == 0)
        {
            return result;
        }

        var target = Baseline.Relative(result.Target, _config.Directory);
        var findings = result.Findings.Select(finding =>
        {
            if (finding.SuppressedBy is not null)
            {
                return finding;
            }

            var rule = _rules.GetValueOrDefault(finding.RuleId);
            var entry = _active.FirstOrDefault(e => e.Matches(finding, rule, target));
            return entry is null ? finding : finding with { SuppressedBy = $"ignored by {entry.Position}: {entry.Reason}" };
        }).ToList();
        return result with { Findings = findings };
    }

    /// <summary>Applies a baseline; the findings it holds become suppressed.</summary>
    public LintResult ApplyBaseline(LintResult result, Baseline baseline)
    {
        var target = baseline.KeyOf(result.Target);
        _checkedTargets.Add(target);
        var findings = result.Findings.Select(finding =>
        {
            if (finding.SuppressedBy is not null || !baseline.Contains(target, finding.Fingerprint))
            {
                return finding;
            }

            _matched.Add((target, finding.Fingerprint));
            return finding with { SuppressedBy = $"in baseline {baseline.DisplayPath}" };
        }).ToList();
        return result with { Findings = findings };
    }

    /// <summary>Entries for the layouts this run checked that matched no finding: the problem is gone (or changed).</summary>
    public IReadOnlyList<BaselineEntry> Stale(Baseline baseline) =>
        [.. baseline.Entries.Where(e => _checkedTargets.Contains(e.Target) && !_matched.Contains((e.Target, e.Fingerprint)))];
}
