using OciLint.Core.Rules;

namespace OciLint.Reporting;

/// <summary>Rule metadata by id: the rules that ran first (in target order), then the full catalog.</summary>
internal sealed class RuleLookup
{
    private readonly Dictionary<string, RuleMetadata> _byId = new(StringComparer.Ordinal);

    public RuleLookup(ReportContext context)
    {
        foreach (var run in context.Results.SelectMany(r => r.Rules))
        {
            _byId.TryAdd(run.Rule.Id, run.Rule);
        }

        foreach (var rule in context.Options.AllRules)
        {
            _byId.TryAdd(rule.Id, rule);
        }
    }

    public RuleMetadata? Find(string id) => _byId.GetValueOrDefault(id);
}
