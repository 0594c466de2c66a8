namespace OciLint.Core.Findings;

/// <summary>
/// Where a finding is: a file relative to the layout root (always '/'-separated, e.g. <c>index.json</c> or
/// <c>blobs/sha256/ab…</c>), a JSON Pointer into it when the file is JSON, and a 1-based region.
/// Line 0 means "the file as a whole" (a missing file, a blob).
/// </summary>
public sealed record Location(string File, string? Pointer = null, int Line = 0, int Column = 0, int EndLine = 0, int EndColumn = 0)
{
    public bool HasRegion => Line > 0;

    public static Location ForFile(string file) => new(file);

    public override string ToString() => HasRegion ? $"{File}:{Line}:{Column}" : File;
}
