using System.Reflection;
using OciLint.Core.Rules;

namespace OciLint.Core.Engine;

/// <summary>Finds rules by reflection: every concrete <see cref="IRule"/> with a parameterless constructor. No hand-kept list.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IRule> Discover(params Assembly[] assemblies)
    {
        var rules = new List<IRule>();
        foreach (var assembly in assemblies)
        {
            foreach (var type in assembly.GetTypes())
            {
                if (type is { IsAbstract: false, IsInterface: false } && typeof(IRule).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
                {
                    rules.Add((IRule)Activator.CreateInstance(type)!);
                }
            }
        }

        return Combine(rules);
    }

    /// <summary>Sorts by id and rejects duplicate ids or names (ids are forever: a clash is a bug).</summary>
    public static IReadOnlyList<IRule> Combine(IEnumerable<IRule> rules)
    {
        var sorted = rules.OrderBy(r => r.Metadata.Id, StringComparer.Ordinal).ToList();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in sorted)
        {
            if (!ids.Add(rule.Metadata.Id))
            {
                throw new InvalidOperationException($"duplicate rule id {rule.Metadata.Id}");
            }

            if (!names.Add(rule.Metadata.Name))
            {
                throw new InvalidOperationException($"duplicate rule name {rule.Metadata.Name} ({rule.Metadata.Id})");
            }
        }

        return sorted;
    }

    public static IRule? Find(IEnumerable<IRule> rules, string idOrName) =>
        rules.FirstOrDefault(r => r.Metadata.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || r.Metadata.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}
