using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Core.Json;
using OciLint.Core.Model;

namespace OciLint.Core.Rules;

/// <summary>What a rule may use while judging: the run's settings and a way to report.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _sink;

    internal RuleContext(RuleMetadata rule, Severity severity, LintSettings settings, List<Finding> sink)
    {
        Rule = rule;
        Severity = severity;
        Settings = settings;
        _sink = sink;
    }

    public RuleMetadata Rule { get; }

    /// <summary>The rule's effective severity for this run (after config and profiles).</summary>
    public Severity Severity { get; }

    public LintSettings Settings { get; }

    public void Report(Location location, string message, Fix? fix = null, string? digest = null, Severity? severity = null, IReadOnlyList<Location>? related = null)
    {
        _sink.Add(new Finding(Rule.Id, severity ?? Severity, message, location)
        {
            Fix = fix,
            Digest = digest,
            Related = related ?? [],
        });
    }

    /// <summary>Report at a node of a JSON document; the document's digest and descriptor chain come along.</summary>
    public void Report(JsonDocumentModel document, JsonNode? node, string message, Fix? fix = null, Severity? severity = null)
    {
        var location = node is null ? document.FileLocation() : document.LocationOf(node);
        Report(location, message, fix, document.Digest, severity, document.Chain());
    }

    /// <summary>Report at a JSON Pointer that may not exist (e.g. a missing member): falls back to the nearest existing parent.</summary>
    public void Report(JsonDocumentModel document, string pointer, string message, Fix? fix = null, Severity? severity = null)
    {
        Report(document.LocationOfPointer(pointer), message, fix, document.Digest, severity, document.Chain());
    }
}
