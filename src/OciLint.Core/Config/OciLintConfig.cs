using OciLint.Core.Findings;

namespace OciLint.Core.Config;

/// <summary>
/// A loaded <c>.ocilint.json</c> (schemas/ocilint-config.schema.json). Paths in it are resolved against the
/// folder of the file; every entry remembers where it was written, so later checks (an unknown rule id, a
/// missing rule folder) can point back at it.
/// </summary>
public sealed class OciLintConfig
{
    public const string FileName = ".ocilint.json";

    /// <summary>The file, as messages show it.</summary>
    public required string DisplayPath { get; init; }

    public required string FullPath { get; init; }

    public string Directory => Path.GetDirectoryName(FullPath)!;

    /// <summary>Severity overrides, in file order (the last match wins, as with --enable/--disable).</summary>
    public IReadOnlyList<RuleSetting> Rules { get; init; } = [];

    /// <summary>error, warning, note or never; null when the file does not say.</summary>
    public string? FailOn { get; init; }

    /// <summary>Consumer profiles; null when the file does not say.</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    public IReadOnlyList<ConfigPath> RuleDirectories { get; init; } = [];

    public IReadOnlyList<ConfigPath> Plugins { get; init; } = [];

    public IReadOnlyList<IgnoreEntry> Ignore { get; init; } = [];
}

/// <summary>One <c>"selector": "severity"</c> member of <c>rules</c>.</summary>
public sealed record RuleSetting(string Selector, Severity Severity, FilePosition Position);

/// <summary>A path from the config, resolved against the config's folder.</summary>
public sealed record ConfigPath(string FullPath, string Written, FilePosition Position);
