using McMaster.Extensions.CommandLineUtils;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Layout;
using OciLint.Reporting;

namespace OciLint.Cli.Commands;

[Command("check", Description = "Check one or more layouts (folders, .tar, .tar.gz).")]
public sealed class CheckCommand(IConsole console)
{
    [Argument(0, "targets", Description = "Layout folders or tars (default: the current folder).")]
    public string[] Targets { get; set; } = [];

    [Option("-f|--format <FORMAT>", Description = "text, json, sarif, junit or github; repeatable, paired in order with --output.")]
    public string[] Formats { get; set; } = [];

    [Option("-o|--output <FILE>", Description = "Write the report to FILE ('-' is stdout); repeatable.")]
    public string[] Outputs { get; set; } = [];

    [Option("--fail-on <LEVEL>", Description = "Exit 1 when a finding is at or above: error (default), warning, note, never.")]
    [AllowedValues("error", "warning", "note", "never", IgnoreCase = true)]
    public string FailOn { get; set; } = "error";

    [Option("--enable <RULE>", Description = "Enable a rule by id, name or family (index/*); repeatable.")]
    public string[] Enable { get; set; } = [];

    [Option("--disable <RULE>", Description = "Disable a rule by id, name or family; repeatable.")]
    public string[] Disable { get; set; } = [];

    [Option("--target <CONSUMER>", Description = "Consumer profile: any, skopeo, crane, umoci, containerd, docker; repeatable.")]
    [AllowedValues("any", "skopeo", "crane", "umoci", "containerd", "docker", IgnoreCase = true)]
    public string[] ConsumerTargets { get; set; } = [];

    [Option("--junit-dialect <DIALECT>", Description = "default (testcase file/line) or strict (Jenkins XSD).")]
    [AllowedValues("default", "strict", IgnoreCase = true)]
    public string JUnitDialect { get; set; } = "default";

    [Option("--sarif-category <ID>", Description = "SARIF automationDetails.id, to tell several uploads apart.")]
    public string? SarifCategory { get; set; }

    [Option("-q|--quiet", Description = "Only findings: no summary, no progress.")]
    public bool Quiet { get; set; }

    [Option("--no-color", Description = "No colour (NO_COLOR is honoured too).")]
    public bool NoColor { get; set; }

    public int OnExecute()
    {
        var failOn = FailOn.Equals("never", StringComparison.OrdinalIgnoreCase) ? Severity.Off : Parse(FailOn);
        var configuration = new RuleConfiguration();
        foreach (var selector in Enable)
        {
            configuration.Set(Known(selector, "--enable"), null);
        }

        foreach (var selector in Disable)
        {
            configuration.Set(Known(selector, "--disable"), Severity.Off);
        }

        var reports = ReportPlan.From(Formats, Outputs);
        var settings = new LintSettings
        {
            Targets = new HashSet<string>(ConsumerTargets.Length == 0 ? ["any"] : ConsumerTargets, StringComparer.OrdinalIgnoreCase),
        };

        // Open every target first: a missing path is a usage error before any report is written.
        var targets = Targets.Length == 0 ? ["."] : Targets;
        var linter = new Linter(RuleSet.All, configuration);
        var results = new List<LintResult>();
        foreach (var target in targets)
        {
            using var source = LayoutSources.Open(target);
            results.Add(linter.Lint(source, settings));
        }

        var options = new ReportOptions
        {
            FailOn = failOn,
            Dialect = JUnitDialect.Equals("strict", StringComparison.OrdinalIgnoreCase) ? Reporting.JUnitDialect.Strict : Reporting.JUnitDialect.Default,
            SarifCategory = SarifCategory,
            Quiet = Quiet,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            HelpMarkdown = RuleSet.DocPage,
            AllRules = [.. RuleSet.All.Select(r => r.Metadata)],
        };
        var context = new ReportContext(results, new ToolInfo("OciLint", OciLintCommand.Version, new Uri("https://github.com/ocilint/ocilint")), options);
        reports.Write(context, console, colorAllowed: !NoColor);

        if (results.Any(r => !r.ExecutionSuccessful))
        {
            return ExitCodes.Usage;
        }

        var failing = failOn != Severity.Off && results.SelectMany(r => r.Findings).Any(f => f.SuppressedBy is null && f.Severity >= failOn);
        return failing ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static Severity Parse(string level) =>
        SeverityNames.TryParse(level, out var severity) ? severity : throw new UsageException($"unknown level '{level}'");

    private static string Known(string selector, string option) =>
        RuleConfiguration.SelectsAny(selector, RuleSet.All.Select(r => r.Metadata))
            ? selector
            : throw new UsageException($"{option} {selector}: no rule has this id, name or family (see 'ocilint rules')");
}
