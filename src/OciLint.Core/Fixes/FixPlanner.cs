using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Layout;

namespace OciLint.Core.Fixes;

/// <summary>A fix that a pass applied, with the finding it answers.</summary>
public sealed record AppliedFix(Finding Finding, Fix Fix, int Pass);

/// <summary>One file the plan changes: its bytes before (null when the plan creates it) and after.</summary>
public sealed record FileChange(string File, byte[]? Before, byte[] After);

/// <summary>Everything a fix run would do, computed in memory: nothing has been written yet.</summary>
public sealed record FixPlan(
    LintResult Initial,
    LintResult Remaining,
    IReadOnlyList<AppliedFix> Applied,
    IReadOnlyList<FileChange> Changes,
    IReadOnlyList<string> CreatedDirectories,
    IReadOnlyList<FixDecision> Refused,
    int Passes,
    bool Converged)
{
    public bool HasChanges => Changes.Count > 0 || CreatedDirectories.Count > 0;
}

/// <summary>
/// Lints, applies the fixes the policy allows that do not overlap, lints the result again and repeats until
/// no fix applies or <see cref="FixPolicy.MaxPasses"/> is reached. Each pass works on an in-memory overlay
/// of the layout, so a plan can be shown (--diff, --dry-run) without writing, or written in one go.
/// </summary>
public static class FixPlanner
{
    /// <param name="review">Applied to every lint result before its fixes are chosen (e.g. the config's ignore entries, which mark findings suppressed: a suppressed finding is not fixed).</param>
    public static FixPlan Plan(Linter linter, ILayoutSource source, LintSettings settings, FixPolicy policy, Func<LintResult, LintResult>? review = null)
    {
        ArgumentNullException.ThrowIfNull(linter);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(policy);
        var overlay = new LayoutOverlay(source);
        var applied = new List<AppliedFix>();
        var refused = new List<FixDecision>();
        LintResult? initial = null;
        var passes = 0;

        // Every pass checks with the user's settings (a fix may depend on a blob verifying); the overlay
        // remembers blob digests, so the blobs are hashed once however many passes there are.
        while (true)
        {
            var result = linter.Lint(overlay, settings);
            result = review?.Invoke(result) ?? result;
            initial ??= result;
            var candidates = result.Findings.Where(f => f.Fix is { } fix && f.SuppressedBy is null && policy.Allows(fix)).ToList();
            if (candidates.Count == 0 || passes == policy.MaxPasses)
            {
                return Finish(initial, result, overlay, applied, refused, passes, converged: candidates.Count == 0);
            }

            passes++;
            var pass = FixApplier.ApplyPass(candidates, overlay.State);
            foreach (var decision in pass.Decisions)
            {
                if (decision.Outcome == FixOutcome.Applied)
                {
                    applied.Add(new AppliedFix(decision.Finding, decision.Fix, passes));
                }
                else if (decision.Outcome == FixOutcome.Refused && !refused.Any(r => r.Finding.Fingerprint == decision.Finding.Fingerprint))
                {
                    refused.Add(decision);
                }
            }

            if (!pass.ChangedAnything)
            {
                // Every candidate was refused: linting again would find the same.
                return Finish(initial, result, overlay, applied, refused, passes, converged: true);
            }

            overlay.Apply(pass);
        }
    }

    private static FixPlan Finish(LintResult initial, LintResult remaining, LayoutOverlay overlay, List<AppliedFix> applied, List<FixDecision> refused, int passes, bool converged)
    {
        var changes = new List<FileChange>();
        foreach (var (file, after) in overlay.Files.OrderBy(f => f.Key == "index.json" ? 1 : 0).ThenBy(f => f.Key, StringComparer.Ordinal))
        {
            var before = overlay.Original(file);
            if (before is null || !before.AsSpan().SequenceEqual(after))
            {
                changes.Add(new FileChange(file, before, after));
            }
        }

        // Refusals that a later pass made moot (the finding went away) are not worth reporting.
        var stillThere = remaining.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        return new FixPlan(initial, remaining, applied, changes, [.. overlay.Directories], [.. refused.Where(r => stillThere.Contains(r.Finding.Fingerprint))], passes, converged);
    }
}
