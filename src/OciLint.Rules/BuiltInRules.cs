using System.Reflection;
using OciLint.Core.Engine;
using OciLint.Core.Rules;

namespace OciLint.Rules;

/// <summary>The rules that ship with OciLint, found by reflection over this assembly.</summary>
public static class BuiltInRules
{
    private static readonly Lazy<IReadOnlyList<IRule>> All = new(() => RuleCatalog.Discover(typeof(BuiltInRules).Assembly));

    public static Assembly Assembly => typeof(BuiltInRules).Assembly;

    public static IReadOnlyList<IRule> Rules => All.Value;
}
