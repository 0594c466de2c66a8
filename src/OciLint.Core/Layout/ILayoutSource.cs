namespace OciLint.Core.Layout;

/// <summary>
/// Read-only access to the files of a layout, wherever they are (folder or tar). Only paths that were
/// enumerated can be opened, so a name taken from a document can never reach outside the layout.
/// </summary>
public interface ILayoutSource : IDisposable
{
    /// <summary>The target as the user named it.</summary>
    string Target { get; }

    SourceKind Kind { get; }

    /// <summary>Every entry, in enumeration (archive) order.</summary>
    IReadOnlyList<LayoutEntry> Entries { get; }

    IReadOnlyList<SourceIssue> Issues { get; }

    /// <summary>The entry at a layout-relative path (for a tar: the last member of that name, as tar does).</summary>
    LayoutEntry? Find(string path);

    /// <summary>Opens a regular file for reading. Throws <see cref="InvalidOperationException"/> for anything else.</summary>
    Stream OpenRead(LayoutEntry entry);

    /// <summary>
    /// A digest ("alg:hex") of a regular file computed while the source was read, or null. A compressed tar
    /// cannot seek, so it hashes its blobs during its single decompressing pass instead of re-reading them.
    /// </summary>
    string? KnownDigest(LayoutEntry entry, string algorithm) => null;
}

/// <summary>The target cannot be opened at all: missing path, permission denied. The CLI turns this into exit code 2.</summary>
public sealed class TargetException(string message, Exception? inner = null) : Exception(message, inner);
