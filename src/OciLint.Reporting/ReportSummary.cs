using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;

namespace OciLint.Reporting;

/// <summary>Counts shared by the writers. Suppressed findings count only as suppressed.</summary>
internal sealed record ReportSummary(int Errors, int Warnings, int Notes, int Fixable, int FixableUnsafe, int Suppressed, int ToolErrors)
{
    public int Problems => Errors + Warnings + Notes;

    public static ReportSummary Of(LintResult result) => Of([result]);

    public static ReportSummary Of(IEnumerable<LintResult> results)
    {
        int errors = 0, warnings = 0, notes = 0, fixable = 0, fixableUnsafe = 0, suppressed = 0, toolErrors = 0;
        foreach (var result in results)
        {
            toolErrors += result.Errors.Count;
            foreach (var finding in result.Findings)
            {
                if (finding.Severity == Severity.Off)
                {
                    continue;
                }

                if (finding.SuppressedBy is not null)
                {
                    suppressed++;
                    continue;
                }

                switch (finding.Severity)
                {
                    case Severity.Error: errors++; break;
                    case Severity.Warning: warnings++; break;
                    default: notes++; break;
                }

                switch (finding.Fix?.Safety)
                {
                    case FixSafety.Safe: fixable++; break;
                    case FixSafety.Unsafe: fixableUnsafe++; break;
                }
            }
        }

        return new ReportSummary(errors, warnings, notes, fixable, fixableUnsafe, suppressed, toolErrors);
    }
}
