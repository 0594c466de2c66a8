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
        var model = LayoutLoader.Load(source, settings.Jobs);
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
        var runs = new List<RuleRun>();
        var slots = new List<RuleSlot>();
        foreach (var rule in Rules)
        {
            var severity = configuration.Resolve(rule.Metadata);
            if (severity != Severity.Off)
            {
                runs.Add(new RuleRun(rule.Metadata, severity));
                slots.Add(new RuleSlot(rule, severity, settings));
            }
        }

        // Part by part, every rule in turn: a descriptor's nodes are read from memory once for all rules. Taken rule
        // by rule, each rule walked the whole tree again (~50 MB for a 50,000-entry index), and paid the cache misses again.
        // Each rule still sees its own calls in the same order: the layout, then every document, then every descriptor.
        // A big layout splits the rules over up to -j threads; each rule runs on one of them, with its own findings.
        var timed = settings.TimeRules;
        // While blobs are hashed in the background on every core, more rule threads would only take turns with them.
        var groups = model.Descriptors.Count >= ParallelFrom && !model.HashingInBackground ? Math.Clamp(settings.Jobs, 1, MaxRuleThreads) : 1;
        if (groups == 1)
        {
            RunGroup(slots, model, timed);
        }
        else
        {
            var others = Enumerable.Range(1, groups - 1)
                .Select(g => Task.Factory.StartNew(
                    () => RunGroup(Every(slots, g, groups), model, timed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToArray();
            RunGroup(Every(slots, 0, groups), model, timed);
            Task.WaitAll(others);
        }

        // In rule order, whichever thread ran a rule: the report does not depend on the threads.
        var findings = slots.SelectMany(s => s.Findings).ToList();
        var perRule = timed ? slots.Select(s => (s.Rule.Metadata, s.Elapsed)).ToList() : [];
        var errors = slots.Where(s => s.Error is not null).Select(s => s.Error!).ToList();
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

    /// <summary>Below this many descriptors a second thread costs more than it saves.</summary>
    private const int ParallelFrom = 1000;

    /// <summary>Rules share the memory bus and the lazily built facts of the model: more threads stop paying.</summary>
    private const int MaxRuleThreads = 4;

    private static List<RuleSlot> Every(List<RuleSlot> slots, int first, int step) => slots.Where((_, i) => i % step == first).ToList();

    private static void RunGroup(List<RuleSlot> slots, LayoutModel model, bool timed)
    {
        RunAll(Having(slots, RuleHooks.Layout), RuleHooks.Layout, model, model, timed);
        var documentRules = Having(slots, RuleHooks.Document);
        foreach (var document in model.Documents)
        {
            RunAll(documentRules, RuleHooks.Document, document, model, timed);
        }

        var descriptorRules = Having(slots, RuleHooks.Descriptor);
        foreach (var descriptor in model.Descriptors)
        {
            RunAll(descriptorRules, RuleHooks.Descriptor, descriptor, model, timed);
        }
    }

    private static RuleSlot[] Having(List<RuleSlot> slots, RuleHooks hook) => slots.Where(s => (s.Hooks & hook) != 0).ToArray();

    private static void RunAll(RuleSlot[] slots, RuleHooks hook, object part, LayoutModel model, bool timed)
    {
        foreach (var slot in slots)
        {
            if (slot.Error is not null)
            {
                continue;
            }

            var started = timed ? Stopwatch.GetTimestamp() : 0;
            var waited = model.HashWait;
            try
            {
                Invoke(slot, hook, part);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A rule that threw has stopped: it judges nothing more of this layout, and the run is not successful.
                slot.Error = new ToolError(slot.Rule.Metadata.Id, $"rule {slot.Rule.Metadata.Id} failed: {e.Message}", e.ToString());
            }

            if (timed)
            {
                // The first blob rule waits for background hashing: that is hashing's time, not the rule's.
                var spent = Stopwatch.GetElapsedTime(started) - (model.HashWait - waited);
                slot.Elapsed += spent > TimeSpan.Zero ? spent : TimeSpan.Zero;
            }
        }
    }

    // A virtual call through the Rule class is a table lookup; an interface call site that sees forty rule types in
    // turn goes through the runtime's dispatch cache every time.
    private static void Invoke(RuleSlot slot, RuleHooks hook, object part)
    {
        switch (hook)
        {
            case RuleHooks.Layout when slot.Base is { } known:
                known.CheckLayout((LayoutModel)part, slot.Context);
                break;
            case RuleHooks.Layout:
                slot.Rule.CheckLayout((LayoutModel)part, slot.Context);
                break;
            case RuleHooks.Document when slot.Base is { } known:
                known.CheckDocument((JsonDocumentModel)part, slot.Context);
                break;
            case RuleHooks.Document:
                slot.Rule.CheckDocument((JsonDocumentModel)part, slot.Context);
                break;
            case RuleHooks.Descriptor when slot.Base is { } known:
                known.CheckDescriptor((DescriptorModel)part, slot.Context);
                break;
            default:
                slot.Rule.CheckDescriptor((DescriptorModel)part, slot.Context);
                break;
        }
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

    /// <summary>An enabled rule in a run: its context and findings, and what it cost or how it failed.</summary>
    private sealed class RuleSlot
    {
        public RuleSlot(IRule rule, Severity severity, LintSettings settings)
        {
            Rule = rule;
            Base = OciLint.Core.Rules.Rule.CalledThroughBase(rule) ? (OciLint.Core.Rules.Rule)rule : null;
            Hooks = OciLint.Core.Rules.Rule.HooksOf(rule);
            Context = new RuleContext(rule.Metadata, severity, settings, Findings);
        }

        public IRule Rule { get; }

        /// <summary>The rule as a <see cref="Rules.Rule"/>, when it is one (see <see cref="Invoke"/>).</summary>
        public OciLint.Core.Rules.Rule? Base { get; }

        public RuleHooks Hooks { get; }

        public List<Finding> Findings { get; } = [];

        public RuleContext Context { get; }

        public TimeSpan Elapsed { get; set; }

        public ToolError? Error { get; set; }
    }
}
