namespace OciLint.Core.Fixes;

/// <summary>Which fixes a <c>fix</c> run may apply: safe ones always, unsafe ones with --unsafe, suggestions when their value is given.</summary>
public sealed record FixPolicy
{
    /// <summary>ESLint stops after 10 passes too: enough for fixes that unlock each other, a bound for a fix that never settles.</summary>
    public const int DefaultMaxPasses = 10;

    public bool Unsafe { get; init; }

    /// <summary>Values for suggestions, by <see cref="Fix.RequiredInput"/> ("ref-name").</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public int MaxPasses { get; init; } = DefaultMaxPasses;

    public bool Allows(Fix fix) => fix.Safety switch
    {
        FixSafety.Safe => true,
        FixSafety.Unsafe => Unsafe,
        _ => fix.RequiredInput is { } input && Inputs.ContainsKey(input),
    };
}
