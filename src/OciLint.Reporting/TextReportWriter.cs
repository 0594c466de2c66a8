using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;

namespace OciLint.Reporting;

/// <summary>
/// <c>path:line:col: severity ID name: message</c>, the fix hint indented below, a header per target when there are
/// several, then one summary line. Suppressed findings are counted, not listed.
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";
    private const string Dim = "\e[2m";
    private const string Red = "\e[31m";
    private const string Green = "\e[32m";
    private const string Yellow = "\e[33m";
    private const string Cyan = "\e[36m";

    public string Format => "text";

    public string FileExtension => "txt";

    public void Write(ReportContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var paint = new Painter(context.Options.Color);
        var rules = new RuleLookup(context);
        var several = context.Results.Count > 1;
        var wroteAnything = false;
        foreach (var result in context.Results)
        {
            var findings = result.Findings.Where(f => f.SuppressedBy is null && f.Severity != Severity.Off).ToList();
            if (several)
            {
                if (wroteAnything)
                {
                    output.Write('\n');
                }

                output.Write(paint.Apply(Bold, "==> " + ReportText.ForTerminal(result.Target) + " <==") + "\n");
                wroteAnything = true;
            }

            foreach (var finding in findings)
            {
                WriteFinding(output, paint, rules, result, finding);
                wroteAnything = true;
            }

            foreach (var error in result.Errors)
            {
                output.Write($"{paint.Apply(Bold, ReportText.ForTerminal(result.Target))}: {paint.Apply(Red, "internal error")}: {ReportText.ForTerminal(error.Message)}\n");
                wroteAnything = true;
            }
        }

        if (context.Options.Quiet)
        {
            return;
        }

        if (wroteAnything)
        {
            output.Write('\n');
        }

        output.Write(SummaryLine(context.Results, paint) + "\n");
    }

    /// <summary>The last line: <c>3 errors, 1 warning in 1 layout; 2 fixable with 'ocilint fix' (1 more with --unsafe)</c>; fixes a pass can use say which option they need.</summary>
    internal static string SummaryLine(IReadOnlyList<LintResult> results, bool color = false) =>
        SummaryLine(results, new Painter(color));

    private static string SummaryLine(IReadOnlyList<LintResult> results, Painter paint)
    {
        var summary = ReportSummary.Of(results);
        var layouts = ReportText.Count(results.Count, "layout");
        string line;
        if (summary.Problems == 0)
        {
            line = paint.Apply(summary.ToolErrors == 0 ? Green : Red, "no problems found") + " in " + layouts;
        }
        else
        {
            var parts = new List<string>();
            if (summary.Errors > 0)
            {
                parts.Add(ReportText.Count(summary.Errors, "error"));
            }

            if (summary.Warnings > 0)
            {
                parts.Add(ReportText.Count(summary.Warnings, "warning"));
            }

            if (summary.Notes > 0)
            {
                parts.Add(ReportText.Count(summary.Notes, "note"));
            }

            var colour = summary.Errors > 0 ? Red : summary.Warnings > 0 ? Yellow : Cyan;
            line = paint.Apply(Bold + colour, string.Join(", ", parts)) + " in " + layouts;
        }

        line += FixableText(summary.Fixable, summary.FixableUnsafe, Suggestions(results));

        if (summary.Suppressed > 0)
        {
            line += $"; {summary.Suppressed} suppressed";
        }

        if (summary.ToolErrors > 0)
        {
            line += "; " + paint.Apply(Red, ReportText.Count(summary.ToolErrors, "internal error"));
        }

        return line;
    }

    // "2 fixable with 'ocilint fix' (1 more with --unsafe, 1 more with --ref-name)": what each extra option adds.
    private static string FixableText(int safe, int unsafeCount, IReadOnlyList<(string Input, int Count)> suggestions)
    {
        var extras = new List<(string Option, int Count)>();
        if (unsafeCount > 0)
        {
            extras.Add(("--unsafe", unsafeCount));
        }

        extras.AddRange(suggestions.Select(s => ($"--{s.Input} NAME", s.Count)));
        if (safe > 0)
        {
            return $"; {safe} fixable with 'ocilint fix'" + (extras.Count > 0 ? " (" + string.Join(", ", extras.Select(e => $"{e.Count} more with {e.Option}")) + ")" : "");
        }

        return extras.Count == 0 ? "" : "; " + string.Join(", ", extras.Select(e => $"{e.Count} fixable with 'ocilint fix {e.Option}'"));
    }

    private static List<(string Input, int Count)> Suggestions(IReadOnlyList<LintResult> results) =>
        [.. results.SelectMany(r => r.Findings)
            .Where(f => f.SuppressedBy is null && f.Severity != Severity.Off && f.Fix is { Safety: FixSafety.Suggestion, RequiredInput: not null })
            .GroupBy(f => f.Fix!.RequiredInput!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))];

    private static void WriteFinding(TextWriter output, Painter paint, RuleLookup rules, LintResult result, Finding finding)
    {
        var location = finding.Location;
        var path = ReportText.ForTerminal(ReportPaths.Display(result, location.File));
        var position = location.HasRegion ? $":{location.Line}:{location.Column}" : "";
        var (colour, severity) = finding.Severity switch
        {
            Severity.Error => (Red, "error"),
            Severity.Warning => (Yellow, "warning"),
            _ => (Cyan, "note"),
        };
        var rule = rules.Find(finding.RuleId) is { } metadata ? $"{finding.RuleId} {metadata.Name}" : finding.RuleId;
        output.Write($"{paint.Apply(Bold, path + position)}: {paint.Apply(colour, severity)} {paint.Apply(Dim, rule)}: {ReportText.ForTerminal(finding.Message)}\n");
        if (finding.Fix is { } fix)
        {
            var hintColour = fix.Safety switch
            {
                FixSafety.Safe => Green,
                FixSafety.Unsafe => Yellow,
                _ => Cyan,
            };
            output.Write("  " + paint.Apply(hintColour, ReportText.ForTerminal(ReportText.FixHint(fix))) + "\n");
        }
    }

    private readonly record struct Painter(bool Enabled)
    {
        public string Apply(string code, string text) => Enabled ? code + text + Reset : text;
    }
}
