using System.Reflection;
using OciLint.Core.Engine;
using OciLint.Core.Rules;

namespace OciLint.Rules;

/// <summary>The rules that ship with OciLint, found by reflection over this assembly.</summary>
public static class BuiltInRules
{
    // C# rules by reflection, declarative ones from the embedded rules/*.rule.json.
    private static readonly Lazy<IReadOnlyList<IRule>> All = new(() => RuleCatalog.Combine([.. RuleCatalog.Discover(typeof(BuiltInRules).Assembly), .. Declarative.DeclarativeRules.BuiltIn()]));

    public static Assembly Assembly => typeof(BuiltInRules).Assembly;

    public static IReadOnlyList<IRule> Rules => All.Value;
}
