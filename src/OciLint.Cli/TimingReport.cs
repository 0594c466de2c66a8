using System.Globalization;
using OciLint.Core.Engine;

namespace OciLint.Cli;

/// <summary><c>--timing</c>: where a check spent its time, to find a slow rule (as ESLint's TIMING=1 does).</summary>
internal static class TimingReport
{
    private const int Slowest = 10;

    public static void Write(IReadOnlyList<LintResult> results, TextWriter error)
    {
        foreach (var result in results)
        {
            if (result.Timings is not { } t)
            {
                continue;
            }

            var deep = t.Deep > TimeSpan.Zero ? $", deep {Ms(t.Deep)}" : "";
            error.WriteLine($"ocilint: timing of {result.Target}: {Ms(result.Elapsed)} in all; load {Ms(t.Load)}{deep}, rules {Ms(t.Rules)}, waited {Ms(t.HashWait)} for hashing ({Ms(t.Hashing)} of hashing in all)");
            foreach (var (rule, elapsed) in t.PerRule.OrderByDescending(r => r.Elapsed).Take(Slowest))
            {
                error.WriteLine($"  {Ms(elapsed),10}  {rule.Id} {rule.Name}");
            }
        }

        // A collection pauses whichever rule happens to allocate: this says how much of the times above that was.
        error.WriteLine($"ocilint: garbage collection: {GC.CollectionCount(0)} collections ({GC.CollectionCount(1)} of gen 1, {GC.CollectionCount(2)} of gen 2), {Ms(GC.GetTotalPauseDuration())} paused in all");
    }

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
