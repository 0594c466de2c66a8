namespace OciLint.Core.Fixes;

/// <summary>How much a fix may change: see DESIGN.md §4.</summary>
public enum FixSafety
{
    /// <summary>Loses nothing and keeps every content digest.</summary>
    Safe,

    /// <summary>Drops information or changes content; applied only with --unsafe.</summary>
    Unsafe,

    /// <summary>Needs a value from the user (e.g. --ref-name); never applied without it.</summary>
    Suggestion,
}

/// <summary>What a rule can offer: declared once in its metadata.</summary>
public enum FixAvailability
{
    None,
    Sometimes,
    Always,
}

/// <summary>A fix is data: edits to files of the layout, a title and a safety class.</summary>
public sealed record Fix(string Title, FixSafety Safety, IReadOnlyList<FileEdit> Edits)
{
    /// <summary>Extra words for the user, e.g. the ref names a collapse drops.</summary>
    public string? Description { get; init; }

    /// <summary>For <see cref="FixSafety.Suggestion"/>: the name of the value the user must supply (e.g. "ref-name").</summary>
    public string? RequiredInput { get; init; }
}

public static class FixSafetyNames
{
    public static string ToName(this FixSafety safety) => safety switch
    {
        FixSafety.Safe => "safe",
        FixSafety.Unsafe => "unsafe",
        FixSafety.Suggestion => "suggestion",
        _ => throw new ArgumentOutOfRangeException(nameof(safety)),
    };
}
