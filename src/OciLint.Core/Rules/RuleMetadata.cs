using OciLint.Core.Findings;
using OciLint.Core.Fixes;

namespace OciLint.Core.Rules;

/// <summary>
/// Everything a report needs to know about a rule, declared once by the rule. Maps 1:1 onto a SARIF
/// reportingDescriptor. The help URL is derived from the id and never typed by hand.
/// </summary>
public sealed record RuleMetadata(string Id, string Name, string Title, Severity DefaultSeverity, FixAvailability Fix)
{
    public const string DocsBaseUri = "https://github.com/ocilint/ocilint/blob/main/rules/";

    /// <summary>One or two sentences: what it checks and why (SARIF fullDescription).</summary>
    public string Description { get; init; } = "";

    /// <summary>"high" when a finding is certain, "medium" for heuristics (SARIF precision).</summary>
    public string Precision { get; init; } = "high";

    /// <summary>The family part of the name: <c>index</c> for <c>index/duplicate-digest</c>.</summary>
    public string Family => Name.Split('/')[0];

    public Uri HelpUri => new(DocsBaseUri + Id + ".md");
}
