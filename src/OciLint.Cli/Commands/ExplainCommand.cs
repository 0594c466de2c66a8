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

    public int OnExecute()
    {
        var rule = RuleCatalog.Find(RuleSet.All, Rule) ?? throw new UsageException($"no rule '{Rule}' (see 'ocilint rules')");
        var meta = rule.Metadata;
        console.Out.WriteLine($"{meta.Id} {meta.Name}: {meta.Title}");
        console.Out.WriteLine($"default severity: {meta.DefaultSeverity.ToName()}; fix: {RulesCommand.FixName(meta.Fix)}; {meta.HelpUri}");
        console.Out.WriteLine();
        console.Out.WriteLine(RuleSet.DocPage(meta) ?? meta.Description);
        return ExitCodes.Clean;
    }
}
