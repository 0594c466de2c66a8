using System.Security.Cryptography;
using OciLint.Core.Engine;
using OciLint.Core.Fixes;
using OciLint.Core.Layout;
using OciLint.Rules;

namespace OciLint.Tests.Support;

/// <summary>Plans and writes fixes with a chosen set of rules, so a test sees only the fixes it is about.</summary>
public static class FixSupport
{
    public static Linter LinterFor(params string[] ruleIds)
    {
        var rules = BuiltInRules.Rules.Where(r => ruleIds.Contains(r.Metadata.Id, StringComparer.Ordinal)).ToList();
        if (rules.Count != ruleIds.Length)
        {
            throw new InvalidOperationException($"unknown rule among {string.Join(", ", ruleIds)}");
        }
        var configuration = new RuleConfiguration();
        foreach (var id in ruleIds)
        {
            configuration.Set(id, null);
        }

        return new Linter(rules, configuration);
    }

    /// <summary>The plan for safe + unsafe fixes (and suggestions given <paramref name="inputs"/>) of the given rules.</summary>
    public static FixPlan Plan(string target, string[] ruleIds, IReadOnlyDictionary<string, string>? inputs = null, bool allowUnsafe = true)
    {
        inputs ??= new Dictionary<string, string>();
        using var source = LayoutSources.Open(target);
        var settings = new LintSettings { FixInputs = inputs };
        return FixPlanner.Plan(LinterFor(ruleIds), source, settings, new FixPolicy { Unsafe = allowUnsafe, Inputs = inputs });
    }

    /// <summary>Plans with one rule and writes the plan into the folder.</summary>
    public static FixPlan FixFolder(string layout, string ruleId, IReadOnlyDictionary<string, string> inputs)
    {
        var plan = Plan(layout, [ruleId], inputs);
        LayoutFixWriter.WriteFolder(layout, plan);
        return plan;
    }

    /// <summary>SHA-256 of every file of the layout but index.json and oci-layout, by relative path.</summary>
    public static Dictionary<string, string> HashBlobs(string layout) =>
        Directory.GetFiles(layout, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(layout, f).Replace('\\', '/'))
            .Where(f => f is not "index.json" and not "oci-layout")
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(layout, f)))), StringComparer.Ordinal);

    /// <summary>Every file of a folder with its bytes and modification time, to show that nothing was written.</summary>
    public static Dictionary<string, (string Hash, DateTime Modified)> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(
                f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
                f => (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))), File.GetLastWriteTimeUtc(f)),
                StringComparer.Ordinal);
}
