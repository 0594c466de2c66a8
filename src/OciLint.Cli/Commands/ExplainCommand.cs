using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using OciLint.Core.Engine;
using OciLint.Core.Findings;

namespace OciLint.Cli.Commands;

[Command("explain", Description = "Show a rule's documentation.")]
public sealed class ExplainCommand(IConsole console)
{
    [Argument(0, "rule", Description = "Rule id (OCI902) or name (compat/index-duplicate-digest).")]
    [Required]
    public string Rule { get; set; } = "";

    [Option("--config <FILE>", Description = "Configuration file (default: the nearest .ocilint.json from here upward), for its rule folders and plugins.")]
    public string? ConfigFile { get; set; }

    [Option("--rules <DIR>", Description = "A folder of declarative *.rule.json rules; repeatable.")]
    public string[] RuleDirectories { get; set; } = [];

    [Option("--plugin <DLL>", Description = "A plugin assembly of rules; repeatable.")]
    public string[] Plugins { get; set; } = [];

    public int OnExecute()
    {
        var setup = RuleSet.For(ConfigFile, RuleDirectories, Plugins);
        var rule = RuleCatalog.Find(setup.Rules, Rule) ?? throw new UsageException($"no rule '{Rule}' (see 'ocilint rules')");
        var meta = rule.Metadata;
        console.Out.WriteLine($"{meta.Id} {meta.Name}: {meta.Title}");
        console.Out.WriteLine($"default severity: {meta.DefaultSeverity.ToName()}; fix: {RulesCommand.FixName(meta.Fix)}; {meta.HelpUri}");
        console.Out.WriteLine();
        console.Out.WriteLine(setup.DocPage(meta) ?? meta.Description);
        return ExitCodes.Clean;
    }
}
