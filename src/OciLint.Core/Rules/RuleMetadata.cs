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

    /// <summary>Derived from the id for OciLint's own rules; a declarative or plugin rule may point at its own page.</summary>
    public Uri HelpUri
    {
        get => _helpUri ?? new Uri(DocsBaseUri + Id + ".md");
        init => _helpUri = value;
    }

    private readonly Uri? _helpUri;
}
