using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Rules;

namespace OciLint.Reporting;

/// <summary>Everything a writer needs: the results of one call (one per target), who made them, and how to render.</summary>
public sealed record ReportContext(IReadOnlyList<LintResult> Results, ToolInfo Tool, ReportOptions Options);

/// <summary>The tool as reports name it (SARIF tool.driver, JSON tool, JUnit properties).</summary>
public sealed record ToolInfo(string Name, string Version, Uri InformationUri);

public enum JUnitDialect
{
    /// <summary>Adds testcase <c>file</c>/<c>line</c> and <c>skipped@message</c> (GitLab, mikepenz, EnricoMi read them).</summary>
    Default,

    /// <summary>Only what the Jenkins JUnit XSD allows.</summary>
    Strict,
}

/// <summary>How to render. Immutable; the CLI fills it from options and the config.</summary>
public sealed record ReportOptions
{
    /// <summary>Findings at or above this severity fail (JUnit failures). <see cref="Severity.Off"/> means never.</summary>
    public Severity FailOn { get; init; } = Severity.Error;

    public JUnitDialect Dialect { get; init; } = JUnitDialect.Default;

    /// <summary>SARIF <c>automationDetails.id</c>; a value without '/' is taken as a category and gets one appended.</summary>
    public string? SarifCategory { get; init; }

    /// <summary>ANSI colour in the text report.</summary>
    public bool Color { get; init; }

    /// <summary>Only findings: no summary line.</summary>
    public bool Quiet { get; init; }

    /// <summary>Artifact paths (SARIF URIs, JUnit <c>file</c>, GitHub <c>file</c>) are made relative to this folder.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The rule's documentation page as Markdown (SARIF <c>help.markdown</c>); null falls back to the description.</summary>
    public Func<RuleMetadata, string?>? HelpMarkdown { get; init; }

    /// <summary>Every known rule, to describe findings whose rule is not among the rules that ran (e.g. loader findings).</summary>
    public IReadOnlyList<RuleMetadata> AllRules { get; init; } = [];
}
