namespace OciLint.Core.Fixes;

/// <summary>
/// One change to one layout file. Only <c>index.json</c> and <c>oci-layout</c> (and the <c>blobs</c> folder)
/// are ever touched: blobs are content-addressed.
/// </summary>
public abstract record FileEdit(string File);

/// <summary>
/// Replace a byte range of the unmodified file with new UTF-8 text. The region is given twice: as byte
/// offsets (to apply it) and as 1-based line/column (for SARIF, which expresses it against the original).
/// </summary>
public sealed record TextReplacement(
    string File,
    int StartOffset,
    int Length,
    string NewText,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn) : FileEdit(File);

/// <summary>Create a file that does not exist (never overwrites).</summary>
public sealed record CreateFile(string File, string Content) : FileEdit(File);

/// <summary>Create an empty directory.</summary>
public sealed record CreateDirectory(string File) : FileEdit(File);
