namespace OciLint.Core.Layout;

public enum EntryKind
{
    File,
    Directory,
    Symlink,
    HardLink,

    /// <summary>Device node, FIFO, socket.</summary>
    Other,
}

/// <summary>
/// One file system entry of a layout, by its path relative to the layout root ('/'-separated, no leading
/// "./"). For a tar, <see cref="RawName"/> keeps the member name as written in the archive.
/// </summary>
public sealed record LayoutEntry(string Path, EntryKind Kind, long Length)
{
    public string? LinkTarget { get; init; }

    public string RawName { get; init; } = "";

    /// <summary>0-based position of the member in the archive; -1 for folders.</summary>
    public int Ordinal { get; init; } = -1;

    public bool IsFile => Kind == EntryKind.File;
}

public enum SourceKind
{
    Directory,
    Tar,
    CompressedTar,
}

public enum SourceIssueKind
{
    /// <summary>The file is not a tar archive at all.</summary>
    NotAnArchive,

    /// <summary>The archive ends early or is corrupt after some members.</summary>
    Truncated,

    /// <summary>An absolute path, a ".." component, a link leaving the root, or a device.</summary>
    UnsafeMember,

    /// <summary>The same path appears more than once.</summary>
    DuplicatePath,

    /// <summary>A file or folder could not be read (permissions).</summary>
    Unreadable,

    /// <summary>Directory and "./"-prefixed names mixed, or parent directory entries missing.</summary>
    InconsistentNames,

    /// <summary>The same file path appears more than once, every copy with the same bytes.</summary>
    DuplicateIdenticalPath,
}

/// <summary>A problem met while opening the target, turned into findings by the layout rules.</summary>
public sealed record SourceIssue(SourceIssueKind Kind, string Path, string Detail);
