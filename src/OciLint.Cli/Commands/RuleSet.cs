using OciLint.Core.Rules;
using OciLint.Rules;

namespace OciLint.Cli.Commands;

/// <summary>The rules available to a run, and their doc pages.</summary>
internal static class RuleSet
{
    /// <summary>The rules that ship with OciLint (C# and rules/*.rule.json).</summary>
    public static IReadOnlyList<IRule> All => BuiltInRules.Rules;

    /// <summary>The built-in rules plus the declarative and plugin rules of the config (found from the working folder) and the flags.</summary>
    public static RunSetup For(string? configFile, IReadOnlyList<string> ruleDirectories, IReadOnlyList<string> plugins) =>
        RunSetup.ForCatalog(new RunOptions { ConfigFile = configFile, RuleDirectories = ruleDirectories, Plugins = plugins });

    public static string? DocPage(RuleMetadata rule) => RuleDocs.Get(rule.Id);
}
