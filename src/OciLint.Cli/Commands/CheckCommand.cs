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
    public string? FailOn { get; set; }

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

    [Option("--deep", Description = "Also decompress every layer: rootfs.diff_ids, tar structure, duplicate paths, whiteouts (reads all layer data).")]
    public bool Deep { get; set; }

    [Option("--no-blobs", Description = "Skip hashing blob content (schema and graph only; existence and sizes are still checked).")]
    public bool NoBlobs { get; set; }

    [Option("-j|--jobs <N>", Description = "Blobs hashed in parallel; on big layouts also rule threads (at most 4) and two threads parsing index.json (default: the number of processors).")]
    [System.ComponentModel.DataAnnotations.Range(1, 1024)]
    public int? Jobs { get; set; }

    [Option("-q|--quiet", Description = "Only findings: no summary, no progress.")]
    public bool Quiet { get; set; }

    [Option("--timing", Description = "Print where the time went on stderr: phases and the ten slowest rules.")]
    public bool Timing { get; set; }

    [Option("--no-color", Description = "No colour (NO_COLOR is honoured too).")]
    public bool NoColor { get; set; }

    [Option("--config <FILE>", Description = "Configuration file (default: the nearest .ocilint.json from the target upward).")]
    public string? ConfigFile { get; set; }

    [Option("--rules <DIR>", Description = "A folder of declarative *.rule.json rules; repeatable.")]
    public string[] RuleDirectories { get; set; } = [];

    [Option("--plugin <DLL>", Description = "An assembly of rules implementing OciLint.Core.Rules.IRule; repeatable.")]
    public string[] Plugins { get; set; } = [];

    [Option("--baseline <FILE>", Description = "Report the findings recorded in FILE as suppressed, and the entries that went stale.")]
    public string? Baseline { get; set; }

    [Option("--write-baseline <FILE>", Description = "Record the current findings in FILE (they are suppressed from then on).")]
    public string? WriteBaseline { get; set; }

    public int OnExecute()
    {
        var targets = RunSetup.NormalizeTargets(Targets);
        var setup = RunSetup.Resolve(
            new RunOptions
            {
                ConfigFile = ConfigFile, RuleDirectories = RuleDirectories, Plugins = Plugins, FailOn = FailOn, Enable = Enable, Disable = Disable,
                ConsumerTargets = ConsumerTargets, Baseline = Baseline, WriteBaseline = WriteBaseline, Quiet = Quiet,
            },
            targets);
        var failOn = setup.FailOn;
        var configuration = setup.Configuration;

        var reports = ReportPlan.From(Formats, Outputs);
        var settings = new LintSettings
        {
            Targets = setup.ConsumerTargets,
            Deep = Deep,
            VerifyBlobs = !NoBlobs,
            Jobs = Jobs ?? Environment.ProcessorCount,
            HashProgress = Progress.For(console, Quiet),
            TimeRules = Timing,
        };

        // Open every target first: a missing path is a usage error before any report is written.
        var linter = new Linter(setup.Rules, configuration);
        var results = new List<LintResult>();
        using (NoCollection.Begin(targets))
        {
            foreach (var target in targets)
            {
                using var source = LayoutSources.Open(target, hashBlobs: !NoBlobs);
                results.Add(linter.Lint(source, settings));
            }
        }

        setup.Apply(results, console.Error);

        var options = new ReportOptions
        {
            FailOn = failOn,
            Dialect = JUnitDialect.Equals("strict", StringComparison.OrdinalIgnoreCase) ? Reporting.JUnitDialect.Strict : Reporting.JUnitDialect.Default,
            SarifCategory = SarifCategory,
            Quiet = Quiet,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            HelpMarkdown = setup.DocPage,
            AllRules = [.. setup.Rules.Select(r => r.Metadata)],
        };
        var context = new ReportContext(results, new ToolInfo("OciLint", OciLintCommand.Version, new Uri("https://github.com/ocilint/ocilint")), options);
        reports.Write(context, console, colorAllowed: !NoColor);

        // After the report, so that on a terminal the timing follows the findings instead of cutting into them.
        if (Timing)
        {
            console.Out.Flush();
            TimingReport.Write(results, console.Error);
        }

        if (results.Any(r => !r.ExecutionSuccessful))
        {
            return ExitCodes.Usage;
        }

        var failing = failOn != Severity.Off && results.SelectMany(r => r.Findings).Any(f => f.SuppressedBy is null && f.Severity >= failOn);
        return failing ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
