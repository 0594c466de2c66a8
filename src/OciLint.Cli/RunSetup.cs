using System.Text.RegularExpressions;
using OciLint.Core.Config;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Plugins;
using OciLint.Core.Rules;
using OciLint.Rules;
using OciLint.Rules.Declarative;

namespace OciLint.Cli;

/// <summary>What the command line says about a run, beside its targets. Empty or null means "not given".</summary>
internal sealed record RunOptions
{
    public string? ConfigFile { get; init; }

    public IReadOnlyList<string> RuleDirectories { get; init; } = [];

    public IReadOnlyList<string> Plugins { get; init; } = [];

    public string? FailOn { get; init; }

    public IReadOnlyList<string> Enable { get; init; } = [];

    public IReadOnlyList<string> Disable { get; init; } = [];

    public IReadOnlyList<string> ConsumerTargets { get; init; } = [];

    public string? Baseline { get; init; }

    public string? WriteBaseline { get; init; }

    public bool Quiet { get; init; }
}

/// <summary>
/// Turns the config file and the flags into what a run needs: the rules (built-in, declarative from rule folders,
/// plugins), their severities, the fail threshold and the consumer profiles; afterwards it applies the config's
/// ignore entries and the baseline. Flags win over the file: <c>--fail-on</c> and <c>--target</c> replace its values,
/// <c>--enable</c>/<c>--disable</c> apply after its <c>rules</c>, <c>--rules</c>/<c>--plugin</c> add to its lists.
/// Every mistake is a <see cref="UsageException"/> (exit 2) naming the file, line and column responsible.
/// </summary>
internal sealed partial class RunSetup
{
    private readonly RunOptions _options;
    private readonly Dictionary<string, string> _help;
    private Baseline? _baseline;
    private Baseline? _previousWrite;

    private RunSetup(RunOptions options, OciLintConfig? config, IReadOnlyList<IRule> rules)
    {
        _options = options;
        Config = config;
        Rules = rules;
        _help = rules.OfType<DeclarativeRule>().ToDictionary(r => r.Metadata.Id, r => r.Help, StringComparer.OrdinalIgnoreCase);
    }

    public OciLintConfig? Config { get; }

    public IReadOnlyList<IRule> Rules { get; }

    public RuleConfiguration Configuration { get; private set; } = new();

    public Severity FailOn { get; private set; } = Severity.Error;

    public IReadOnlySet<string> ConsumerTargets { get; private set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "any" };

    /// <summary>
    /// The layouts to check: "." when none is given; an <c>index.json</c> or <c>oci-layout</c> file stands for its
    /// layout (pre-commit passes changed files); each layout once.
    /// </summary>
    public static IReadOnlyList<string> NormalizeTargets(IReadOnlyList<string> targets)
    {
        if (targets.Count == 0)
        {
            return ["."];
        }

        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var layout = target;
            if (File.Exists(target) && Path.GetFileName(target) is "index.json" or "oci-layout")
            {
                var folder = Path.GetDirectoryName(target);
                layout = string.IsNullOrEmpty(folder) ? "." : folder;
            }

            if (seen.Add(Path.GetFullPath(layout)))
            {
                result.Add(layout);
            }
        }

        return result;
    }

    /// <summary>For <c>check</c>: the config is the nearest .ocilint.json from the targets upward (or <c>--config</c>).</summary>
    public static RunSetup Resolve(RunOptions options, IReadOnlyList<string> targets)
    {
        var config = LoadConfig(options.ConfigFile, targets);
        var setup = new RunSetup(options, config, LoadRules(config, options));
        setup.Configure();
        setup.ReadBaselines();
        return setup;
    }

    /// <summary>For <c>rules</c> and <c>explain</c>: the config is the nearest .ocilint.json from the working folder upward.</summary>
    public static RunSetup ForCatalog(RunOptions options)
    {
        var config = LoadConfig(options.ConfigFile, ["."]);
        return new RunSetup(options, config, LoadRules(config, options));
    }

    /// <summary>The rule's documentation: the built-in doc page, or a declarative rule's help.</summary>
    public string? DocPage(RuleMetadata rule) => RuleDocs.Get(rule.Id) ?? _help.GetValueOrDefault(rule.Id);

    /// <summary>Applies ignore entries and the baseline (writing it first with --write-baseline); tells stderr what went stale.</summary>
    public void Apply(List<LintResult> results, TextWriter error)
    {
        // The local date costs the time-zone database (~10-50 ms at first use): only ignore entries need it.
        var today = Config?.Ignore is { Count: > 0 } ? DateOnly.FromDateTime(DateTime.Now) : DateOnly.MinValue;
        var suppressions = new Suppressions(Config, Rules.Select(r => r.Metadata), today);
        foreach (var entry in suppressions.Expired)
        {
            error.WriteLine($"ocilint: {entry.Position}: the ignore entry for {entry.Rule} expired on {entry.Expires:yyyy-MM-dd} and no longer applies (its reason: {entry.Reason})");
        }

        for (var i = 0; i < results.Count; i++)
        {
            results[i] = suppressions.ApplyIgnores(results[i]);
        }

        var baseline = _baseline;
        if (_options.WriteBaseline is { } path)
        {
            baseline = Baseline.Record(path, results, _previousWrite, Display(path));
            Wrap(baseline.Write);
            if (!_options.Quiet)
            {
                error.WriteLine($"ocilint: wrote {baseline.Entries.Count} accepted finding(s) to {baseline.DisplayPath}; apply it with --baseline {baseline.DisplayPath}");
            }
        }

        if (baseline is null)
        {
            return;
        }

        for (var i = 0; i < results.Count; i++)
        {
            results[i] = suppressions.ApplyBaseline(results[i], baseline);
        }

        var stale = suppressions.Stale(baseline);
        if (stale.Count > 0)
        {
            error.WriteLine($"ocilint: {baseline.DisplayPath}: {stale.Count} baseline entr{(stale.Count == 1 ? "y matches" : "ies match")} no current finding (fixed, or changed); refresh it with --write-baseline {baseline.DisplayPath}");
            foreach (var entry in stale.Take(20))
            {
                error.WriteLine($"  stale: {entry}");
            }

            if (stale.Count > 20)
            {
                error.WriteLine($"  ... and {stale.Count - 20} more");
            }
        }
    }

    private void Configure()
    {
        var metadata = Rules.Select(r => r.Metadata).ToList();
        var configuration = new RuleConfiguration();
        foreach (var setting in Config?.Rules ?? [])
        {
            if (!RuleConfiguration.SelectsAny(setting.Selector, metadata))
            {
                throw new UsageException($"{setting.Position}: \"rules\": \"{setting.Selector}\" names no rule (see 'ocilint rules')");
            }

            configuration.Set(setting.Selector, setting.Severity);
        }

        foreach (var entry in Config?.Ignore ?? [])
        {
            if (!RuleConfiguration.SelectsAny(entry.Rule, metadata))
            {
                throw new UsageException($"{entry.Position}: \"ignore\": \"{entry.Rule}\" names no rule (see 'ocilint rules')");
            }
        }

        foreach (var selector in _options.Enable)
        {
            configuration.Set(Known(selector, "--enable", metadata), null);
        }

        foreach (var selector in _options.Disable)
        {
            configuration.Set(Known(selector, "--disable", metadata), Severity.Off);
        }

        Configuration = configuration;
        var failOn = _options.FailOn ?? Config?.FailOn ?? "error";
        FailOn = failOn.Equals("never", StringComparison.OrdinalIgnoreCase)
            ? Severity.Off
            : SeverityNames.TryParse(failOn, out var level) ? level : throw new UsageException($"unknown level '{failOn}'");
        IReadOnlyList<string> profiles = _options.ConsumerTargets.Count > 0 ? _options.ConsumerTargets : Config?.Targets is { Count: > 0 } fromFile ? fromFile : ["any"];
        ConsumerTargets = new HashSet<string>(profiles, StringComparer.OrdinalIgnoreCase);
    }

    private void ReadBaselines()
    {
        if (_options.Baseline is { } baseline)
        {
            _baseline = Wrap(() => Baseline.Read(baseline, Display(baseline)));
        }

        // Entries of layouts this run does not check are kept when the file is rewritten.
        if (_options.WriteBaseline is { } write && File.Exists(write))
        {
            _previousWrite = Wrap(() => Baseline.Read(write, Display(write)));
        }
    }

    private static OciLintConfig? LoadConfig(string? explicitPath, IReadOnlyList<string> targets)
    {
        if (explicitPath is not null)
        {
            return Wrap(() => ConfigLoader.Load(explicitPath));
        }

        string? found = null;
        string? foundFor = null;
        foreach (var target in targets)
        {
            var start = Directory.Exists(target) ? target : File.Exists(target) ? Path.GetDirectoryName(Path.GetFullPath(target)) : null;
            if (start is null)
            {
                continue;
            }

            var config = ConfigLoader.Find(start);
            if (foundFor is null)
            {
                (found, foundFor) = (config, target);
            }
            else if (config != found)
            {
                throw new UsageException($"{foundFor} and {target} fall under different config files ({Display(found) ?? "none"}, {Display(config) ?? "none"}); check them in separate runs, or pass --config");
            }
        }

        return found is null ? null : Wrap(() => ConfigLoader.Load(found, Display(found)));
    }

    private static IReadOnlyList<IRule> LoadRules(OciLintConfig? config, RunOptions options)
    {
        var rules = new List<IRule>();
        var origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(IRule rule, string origin, bool builtIn)
        {
            var meta = rule.Metadata;
            if (!builtIn && meta.Id.StartsWith("OCI", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"{origin}: rule id {meta.Id}: ids starting with OCI are reserved for OciLint's own rules");
            }

            // What the report formats promise (schemas/ocilint-report.schema.json) and what selectors such as "acme/*" need.
            if (!builtIn && (!RuleIdPattern().IsMatch(meta.Id) || !RuleNamePattern().IsMatch(meta.Name)))
            {
                throw new UsageException($"{origin}: rule {meta.Id} {meta.Name}: an id is capital letters then digits (ACME001) and a name is family/kebab-case (acme/layer-count)");
            }

            if (origins.TryGetValue(meta.Id, out var other))
            {
                throw new UsageException($"{origin}: rule id {meta.Id} is already used by {other}");
            }

            if (names.TryGetValue(meta.Name, out var otherName))
            {
                throw new UsageException($"{origin}: rule name {meta.Name} ({meta.Id}) is already used by {otherName}");
            }

            origins[meta.Id] = origin;
            names[meta.Name] = $"{meta.Id} in {origin}";
            rules.Add(rule);
        }

        foreach (var rule in BuiltInRules.Rules)
        {
            Add(rule, rule is DeclarativeRule d ? d.Source : "OciLint", builtIn: true);
        }

        var directories = (config?.RuleDirectories ?? []).Select(d => (d.FullPath, Display: Display(d.FullPath)!, Position: (FilePosition?)d.Position))
            .Concat(options.RuleDirectories.Select(d => (FullPath: Path.GetFullPath(d), Display: d, Position: (FilePosition?)null)));
        foreach (var (full, display, position) in directories)
        {
            if (position is { } at && !Directory.Exists(full))
            {
                throw new UsageException($"{at}: \"ruleDirectories\": the folder {display} does not exist");
            }

            foreach (var rule in Wrap(() => DeclarativeRules.LoadDirectory(full, display)))
            {
                Add(rule, rule.Source, builtIn: false);
            }
        }

        var plugins = (config?.Plugins ?? []).Select(p => (p.FullPath, Display: Display(p.FullPath)!, Position: (FilePosition?)p.Position))
            .Concat(options.Plugins.Select(p => (FullPath: Path.GetFullPath(p), Display: p, Position: (FilePosition?)null)));
        foreach (var (full, display, position) in plugins)
        {
            if (position is { } at && !File.Exists(full))
            {
                throw new UsageException($"{at}: \"plugins\": {display} does not exist");
            }

            foreach (var rule in Wrap(() => PluginLoader.Load(full, display)))
            {
                Add(rule, $"plugin {display}", builtIn: false);
            }
        }

        return RuleCatalog.Combine(rules);
    }

    private static string Known(string selector, string option, IReadOnlyList<RuleMetadata> rules) =>
        RuleConfiguration.SelectsAny(selector, rules)
            ? selector
            : throw new UsageException($"{option} {selector}: no rule has this id, name or family (see 'ocilint rules')");

    /// <summary>A path for messages: relative to the working folder when inside it.</summary>
    private static string? Display(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    [GeneratedRegex("^[A-Z]{1,10}[0-9]{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex("^[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleNamePattern();

    private static T Wrap<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (ConfigFileException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static void Wrap(Action action) => Wrap(() =>
    {
        action();
        return 0;
    });
}
