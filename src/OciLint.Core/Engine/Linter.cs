using System.Diagnostics;
using OciLint.Core.Findings;
using OciLint.Core.Layout;
using OciLint.Core.Model;
using OciLint.Core.Rules;

namespace OciLint.Core.Engine;

/// <summary>A rule that ran, with the severity it ran at.</summary>
public sealed record RuleRun(RuleMetadata Rule, Severity Severity);

/// <summary>A problem of the tool itself (a rule threw): reported, and the run is not successful.</summary>
public sealed record ToolError(string RuleId, string Message, string Detail);

/// <summary>Where a run's time went (<c>--timing</c>): wall-clock phases, and the time each rule took.</summary>
/// <remarks>Hashing overlaps the rules on large layouts: <see cref="HashWait"/> is how long the blob rules waited for it, counted in neither <see cref="Rules"/> nor <see cref="PerRule"/>.</remarks>
public sealed record LintTimings(TimeSpan Load, TimeSpan Deep, TimeSpan Rules, TimeSpan HashWait, TimeSpan Hashing, IReadOnlyList<(RuleMetadata Rule, TimeSpan Elapsed)> PerRule);

/// <summary>The result of checking one target.</summary>
public sealed record LintResult(string Target, SourceKind SourceKind, IReadOnlyList<Finding> Findings, IReadOnlyList<RuleRun> Rules, IReadOnlyList<ToolError> Errors, TimeSpan Elapsed)
{
    public LayoutModel? Model { get; init; }

    public LintTimings? Timings { get; init; }

    public bool ExecutionSuccessful => Errors.Count == 0;
}

/// <summary>Loads a layout, walks it once and lets every enabled rule judge each part.</summary>
public sealed class Linter(IReadOnlyList<IRule> rules, RuleConfiguration configuration)
{
    public IReadOnlyList<IRule> Rules { get; } = rules;

    public LintResult Lint(ILayoutSource source, LintSettings? settings = null)
    {
        settings ??= new LintSettings();
        var clock = Stopwatch.StartNew();
        var model = LayoutLoader.Load(source);
        var loaded = clock.Elapsed;

        // The deep pass decodes each layer once and records the digests it computed on the way
        // (LayoutModel.Layers.KnownDigest); the blob verifier does not reuse them yet, so --deep reads a layer twice.
        if (settings.Deep)
        {
            Deep.LayerScanner.Scan(model, settings);
        }

        var deep = settings.Deep ? clock.Elapsed - loaded : TimeSpan.Zero;
        Blobs.BlobVerifier.Verify(model, settings);
        var rulesStart = clock.Elapsed;
        var perRule = new List<(RuleMetadata, TimeSpan)>();
        var findings = new List<Finding>();
        var errors = new List<ToolError>();
        var runs = new List<RuleRun>();
        foreach (var rule in Rules)
        {
            var severity = configuration.Resolve(rule.Metadata);
            if (severity == Severity.Off)
            {
                continue;
            }

            runs.Add(new RuleRun(rule.Metadata, severity));
            var started = Stopwatch.GetTimestamp();
            var waited = model.HashWait;
            var context = new RuleContext(rule.Metadata, severity, settings, findings);
            try
            {
                rule.CheckLayout(model, context);
                foreach (var document in model.Documents)
                {
                    rule.CheckDocument(document, context);
                }

                foreach (var descriptor in model.Descriptors)
                {
                    rule.CheckDescriptor(descriptor, context);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors.Add(new ToolError(rule.Metadata.Id, $"rule {rule.Metadata.Id} failed: {e.Message}", e.ToString()));
            }

            // The first blob rule waits for background hashing: that is hashing's time, not the rule's.
            perRule.Add((rule.Metadata, Stopwatch.GetElapsedTime(started) - (model.HashWait - waited)));
        }

        var rulesDone = clock.Elapsed;

        // Blob hashing may still run in the background (BlobVerifier): finish it before the caller closes the source.
        var blobs = model.Blobs;
        var timings = new LintTimings(loaded, deep, rulesDone - rulesStart - model.HashWait, model.HashWait, blobs.HashTime, perRule);

        // Consumer profiles (--target) are data applied here, so rules never ask which consumer is targeted.
        var ordered = ConsumerProfiles.Apply(findings, settings, model)
            .Where(f => f.Severity != Severity.Off)
            .OrderBy(f => FileOrder(f.Location.File))
            .ThenBy(f => f.Location.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.Location.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Pointer, StringComparer.Ordinal)
            .ToList();
        return new LintResult(source.Target, source.Kind, ordered, runs, errors, clock.Elapsed) { Model = model, Timings = timings };
    }

    // The layout root first, then oci-layout and index.json, then blobs: the order a reader walks it.
    private static int FileOrder(string file) => file switch
    {
        "" => 0,
        "oci-layout" => 1,
        "index.json" => 2,
        _ when file.StartsWith("blobs", StringComparison.Ordinal) => 4,
        _ => 3,
    };
}
