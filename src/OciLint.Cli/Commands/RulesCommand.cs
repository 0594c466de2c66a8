using McMaster.Extensions.CommandLineUtils;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;

namespace OciLint.Cli.Commands;

[Command("rules", Description = "List every rule with its id, name, default severity and fix availability.")]
public sealed class RulesCommand(IConsole console)
{
    [Option("--format <FORMAT>", Description = "text (default), json or markdown.")]
    [AllowedValues("text", "json", "markdown", IgnoreCase = true)]
    public string Format { get; set; } = "text";

    [Option("--config <FILE>", Description = "Configuration file (default: the nearest .ocilint.json from here upward); its rule folders and plugins are listed too.")]
    public string? ConfigFile { get; set; }

    [Option("--rules <DIR>", Description = "Also list the declarative rules of DIR; repeatable.")]
    public string[] RuleDirectories { get; set; } = [];

    [Option("--plugin <DLL>", Description = "Also list the rules of a plugin assembly; repeatable.")]
    public string[] Plugins { get; set; } = [];

    public int OnExecute()
    {
        var rules = RuleSet.For(ConfigFile, RuleDirectories, Plugins).Rules.Select(r => r.Metadata).ToList();
        switch (Format.ToLowerInvariant())
        {
            case "json":
                console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                    rules.Select(r => new { id = r.Id, name = r.Name, title = r.Title, severity = r.DefaultSeverity.ToName(), fix = FixName(r.Fix), help = r.HelpUri.ToString() }),
                    new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                break;
            case "markdown":
                console.Out.Write(RuleTable.Markdown(rules));
                break;
            default:
                var width = rules.Max(r => r.Name.Length);
                foreach (var rule in rules)
                {
                    console.Out.WriteLine($"{rule.Id}  {rule.Name.PadRight(width)}  {rule.DefaultSeverity.ToName(),-7}  {FixName(rule.Fix),-9}  {rule.Title}");
                }

                break;
        }

        return ExitCodes.Clean;
    }

    internal static string FixName(FixAvailability fix) => fix switch
    {
        FixAvailability.Always => "fixable",
        FixAvailability.Sometimes => "sometimes",
        _ => "-",
    };
}

internal static class RuleTable
{
    public static string Markdown(IEnumerable<Core.Rules.RuleMetadata> rules)
    {
        var builder = new System.Text.StringBuilder();
        builder.AppendLine("| id | name | default | fix | title |");
        builder.AppendLine("|---|---|---|---|---|");
        foreach (var rule in rules)
        {
            // OciLint's own pages relative to the README; a declarative or plugin rule's own help page as it is.
            var help = rule.HelpUri.ToString();
            var link = help == Core.Rules.RuleMetadata.DocsBaseUri + rule.Id + ".md" ? $"rules/{rule.Id}.md" : help;
            builder.AppendLine($"| [{rule.Id}]({link}) | `{rule.Name}` | {rule.DefaultSeverity.ToName()} | {RulesCommand.FixName(rule.Fix)} | {rule.Title.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        return builder.ToString();
    }
}
