using System.Text;
using System.Text.RegularExpressions;
using McMaster.Extensions.CommandLineUtils;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Core.Layout;
using OciLint.Reporting;
using OciLint.Rules.Index;

namespace OciLint.Cli.Commands;

[Command("fix", Description = "Repair index.json and oci-layout (never a blob): safe fixes, unsafe ones with --unsafe; then check again.")]
public sealed partial class FixCommand(IConsole console)
{
    [Argument(0, "target", Description = "A layout folder or a tar (default: the current folder).")]
    public string? Target { get; set; }

    [Option("--unsafe", Description = "Also apply fixes that drop information (e.g. collapse OCI902 entries, dropping their ref names).")]
    public bool Unsafe { get; set; }

    [Option("--diff", Description = "Print a unified diff of what would change and write nothing; exit 1 when there is a diff.")]
    public bool Diff { get; set; }

    [Option("--dry-run", Description = "List the fixes that would be applied and what would remain; write nothing.")]
    public bool DryRun { get; set; }

    [Option("--keep-ref <NAME>", Description = "OCI902: keep the entry with this ref name (default: the first) and drop the others.")]
    public string? KeepRef { get; set; }

    [Option("--ref-name <NAME>", Description = "OCI905: the ref name to give the only entry (applies that suggestion).")]
    public string? RefName { get; set; }

    [Option("-o|--output <FILE>", Description = "For a tar: write the fixed copy here (a tar is never rewritten in place).")]
    public string? Output { get; set; }

    [Option("--fail-on <LEVEL>", Description = "Exit 1 when a remaining finding is at or above: error (default), warning, note, never.")]
    [AllowedValues("error", "warning", "note", "never", IgnoreCase = true)]
    public string? FailOn { get; set; }

    [Option("--config <FILE>", Description = "Configuration file (default: the nearest .ocilint.json from the target upward): rule severities, targets, failOn, ignore entries.")]
    public string? ConfigFile { get; set; }

    [Option("--enable <RULE>", Description = "Enable a rule by id, name or family (index/*); repeatable.")]
    public string[] Enable { get; set; } = [];

    [Option("--disable <RULE>", Description = "Disable a rule (and its fix) by id, name or family; repeatable.")]
    public string[] Disable { get; set; } = [];

    [Option("--target <CONSUMER>", Description = "Consumer profile: any, skopeo, crane, umoci, containerd, docker; repeatable.")]
    [AllowedValues("any", "skopeo", "crane", "umoci", "containerd", "docker", IgnoreCase = true)]
    public string[] ConsumerTargets { get; set; } = [];

    [Option("-q|--quiet", Description = "Only the remaining findings: no summary.")]
    public bool Quiet { get; set; }

    [Option("--no-color", Description = "No colour (NO_COLOR is honoured too).")]
    public bool NoColor { get; set; }

    public int OnExecute()
    {
        var target = RunSetup.NormalizeTargets(Target is null ? [] : [Target])[0];
        ValidateOptions();

        // The same configuration as check: severities, profiles and fail threshold from .ocilint.json, flags on top.
        var setup = RunSetup.Resolve(
            new RunOptions { ConfigFile = ConfigFile, FailOn = FailOn, Enable = Enable, Disable = Disable, ConsumerTargets = ConsumerTargets },
            [target]);
        var failOn = setup.FailOn;

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (RefName is not null)
        {
            inputs[SingleEntryWithoutRefName.RequiredInput] = RefName;
        }

        if (KeepRef is not null)
        {
            inputs["keep-ref"] = KeepRef;
        }

        var settings = new LintSettings { Targets = setup.ConsumerTargets, FixInputs = inputs };
        var linter = new Linter(setup.Rules, setup.Configuration);

        using var source = LayoutSources.Open(target);
        var isTar = source.Kind != SourceKind.Directory;
        var writes = !Diff && !DryRun;
        if (isTar && writes && Output is null)
        {
            throw new UsageException($"{target} is a tar, and fix never rewrites an archive in place: write a fixed copy with 'ocilint fix {target} -o FIXED.tar' (or look first with --diff or --dry-run)");
        }

        // fix copies every member of an archive; one it cannot read to the end would come out cut or corrupt.
        if (isTar && writes && source.Issues.FirstOrDefault(i => i.Kind is SourceIssueKind.NotAnArchive or SourceIssueKind.Truncated) is { } damage)
        {
            throw new UsageException($"{target} is damaged ({damage.Detail}): fix copies every member of an archive and cannot copy this one; repair or re-create the archive first (see 'ocilint check {target}')");
        }

        if (!isTar && Output is not null)
        {
            throw new UsageException($"-o is for tar targets; the folder {target} is fixed in place (look first with --diff or --dry-run)");
        }

        // Ignore entries mark findings suppressed, and a suppressed finding is not fixed.
        var plan = FixPlanner.Plan(linter, source, settings, new FixPolicy { Unsafe = Unsafe, Inputs = inputs }, result => Review(setup, result, TextWriter.Null));
        CheckKeepRef(plan);
        ReportStalls(plan);

        if (Diff)
        {
            return WriteDiff(target, isTar, plan);
        }

        if (DryRun)
        {
            WriteApplied(plan, plan.HasChanges ? $"would apply {Count(plan.Applied.Count, "fix", "fixes")} to {target} ({Files(plan)} would change; nothing written):" : $"nothing to fix in {target}");
            console.Out.WriteLine();
            console.Out.WriteLine(plan.HasChanges ? "would remain:" : "findings:");
            WriteReport(setup, plan.Remaining, failOn);
            return plan.HasChanges ? ExitCodes.Findings : ExitCodes.Clean;
        }

        if (!plan.HasChanges)
        {
            console.Out.WriteLine($"nothing to fix in {target}");
            console.Out.WriteLine();
            WriteReport(setup, plan.Remaining, failOn);
            return Exit(plan.Remaining, failOn);
        }

        var checkedTarget = target;
        try
        {
            if (isTar)
            {
                LayoutFixWriter.WriteTar(target, Output!, plan);
                checkedTarget = Output!;
                WriteApplied(plan, $"applied {Count(plan.Applied.Count, "fix", "fixes")} to {target}, written to {Output} ({Files(plan)} replaced; every other member copied as it was):");
            }
            else
            {
                LayoutFixWriter.WriteFolder(target, plan);
                WriteApplied(plan, $"applied {Count(plan.Applied.Count, "fix", "fixes")} to {target} ({Files(plan)} rewritten; no blob touched):");
            }
        }
        catch (FixWriteException e)
        {
            throw new UsageException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new UsageException($"cannot write the fix: {e.Message}");
        }

        // Check what is on disk now, not the plan: that is what a consumer will read.
        console.Out.WriteLine();
        console.Out.WriteLine($"checking {checkedTarget} again:");
        using var fixedSource = LayoutSources.Open(checkedTarget);
        var after = Review(setup, linter.Lint(fixedSource, settings), console.Error);
        WriteReport(setup, after, failOn);
        return Exit(after, failOn);
    }

    private void ValidateOptions()
    {
        if (Diff && DryRun)
        {
            throw new UsageException("--diff and --dry-run are two views of the same plan; pick one");
        }

        if ((Diff || DryRun) && Output is not null)
        {
            throw new UsageException($"{(Diff ? "--diff" : "--dry-run")} writes nothing, so -o has no use here");
        }

        if (RefName is not null && !RefNameGrammar().IsMatch(RefName))
        {
            throw new UsageException($"--ref-name {RefName}: not a valid ref name (image-layout.md: components of letters and digits joined by - . _ : @ + or --, separated by /)");
        }
    }

    private void CheckKeepRef(FixPlan plan)
    {
        if (KeepRef is null || plan.Initial.Model is not { } model)
        {
            return;
        }

        var entries = model.IndexJsonEntries.ToList();
        var shared = entries.Where(e => e.Digest is not null && entries.Count(o => o.Digest == e.Digest) > 1).ToList();
        if (!shared.Any(e => e.RefName == KeepRef))
        {
            var names = shared.Select(e => e.RefName).OfType<string>().Distinct().ToList();
            throw new UsageException($"--keep-ref {KeepRef}: no index.json entry that shares its digest with another has this ref name{(names.Count > 0 ? " (candidates: " + string.Join(", ", names) + ")" : "")}");
        }
    }

    private void ReportStalls(FixPlan plan)
    {
        foreach (var refused in plan.Refused)
        {
            console.Error.WriteLine($"ocilint: not applied: {refused.Finding.RuleId} {refused.Fix.Title}: {refused.Reason}");
        }

        if (!plan.Converged)
        {
            console.Error.WriteLine($"ocilint: stopped after {plan.Passes} passes with fixes still to apply; run fix again and report this as a bug");
        }
    }

    private int WriteDiff(string target, bool isTar, FixPlan plan)
    {
        var prefix = isTar ? target + "!" : target;
        foreach (var change in plan.Changes)
        {
            var label = (prefix.TrimEnd('/') + "/" + change.File).TrimStart('/');
            var before = change.Before is null ? null : Encoding.UTF8.GetString(change.Before);
            console.Out.Write(UnifiedDiff.Create("a/" + label, "b/" + label, before, Encoding.UTF8.GetString(change.After)));
        }

        foreach (var directory in plan.CreatedDirectories)
        {
            console.Error.WriteLine($"ocilint: would also create the folder {directory}/ (a diff cannot show it)");
        }

        console.Out.Flush();
        return plan.HasChanges ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private void WriteApplied(FixPlan plan, string heading)
    {
        console.Out.WriteLine(heading);
        foreach (var applied in plan.Applied)
        {
            var fix = applied.Fix;
            var files = string.Join(", ", fix.Edits.Select(e => e is CreateDirectory ? e.File + "/" : e.File).Distinct());
            var more = fix.Description is { } description ? $" ({description})" : "";
            console.Out.WriteLine($"  {applied.Finding.RuleId} {files}: {fix.Title}{more}");
        }
    }

    private void WriteReport(RunSetup setup, LintResult result, Severity failOn)
    {
        var color = !NoColor && !console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var options = new ReportOptions
        {
            FailOn = failOn,
            Quiet = Quiet,
            Color = color,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            HelpMarkdown = setup.DocPage,
            AllRules = [.. setup.Rules.Select(r => r.Metadata)],
        };
        var context = new ReportContext([result], new ToolInfo("OciLint", OciLintCommand.Version, new Uri("https://github.com/ocilint/ocilint")), options);
        new TextReportWriter().Write(context, console.Out);
        console.Out.Flush();
    }

    private static int Exit(LintResult result, Severity failOn)
    {
        if (!result.ExecutionSuccessful)
        {
            return ExitCodes.Usage;
        }

        return failOn != Severity.Off && result.Findings.Any(f => f.SuppressedBy is null && f.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static string Files(FixPlan plan) =>
        string.Join(" and ", plan.Changes.Select(c => c.File).Concat(plan.CreatedDirectories.Select(d => d + "/")));

    private static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";

    private static LintResult Review(RunSetup setup, LintResult result, TextWriter error)
    {
        var results = new List<LintResult> { result };
        setup.Apply(results, error);
        return results[0];
    }

    // image-layout.md: ref ::= component ("/" component)*; component ::= alphanum (separator alphanum)*;
    // alphanum ::= [A-Za-z0-9]+; separator ::= [-._:@+] | "--".
    [GeneratedRegex(@"^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RefNameGrammar();
}
