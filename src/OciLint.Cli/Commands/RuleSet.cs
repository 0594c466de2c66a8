using OciLint.Core.Rules;
using OciLint.Rules;

namespace OciLint.Cli.Commands;

/// <summary>All rules available to a run, and their doc pages.</summary>
internal static class RuleSet
{
    public static IReadOnlyList<IRule> All => BuiltInRules.Rules;

    public static string? DocPage(RuleMetadata rule) => RuleDocs.Get(rule.Id);
}
