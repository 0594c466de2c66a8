using OciLint.Core.Engine;
using OciLint.Core.Layout;
using OciLint.Rules;

namespace OciLint.Tests.Support;

/// <summary>Runs the real engine with the built-in rules.</summary>
public static class Lint
{
    public static LintResult Run(string target, RuleConfiguration? configuration = null, LintSettings? settings = null)
    {
        using var source = LayoutSources.Open(target);
        return new Linter(BuiltInRules.Rules, configuration ?? new RuleConfiguration()).Lint(source, settings);
    }
}
