using OciLint.Core.Layout;
using OciLint.Core.Model;

namespace OciLint.Core.Blobs;

/// <summary>What sits at a blob path, judged without following anything that leaves the layout.</summary>
public enum BlobFileKind
{
    /// <summary>Nothing at the path.</summary>
    Missing,

    /// <summary>A regular file (for a tar, also a hard link to a regular member).</summary>
    File,

    /// <summary>A symlink; see <see cref="BlobRecord.Link"/> for where it goes.</summary>
    Symlink,

    Directory,

    /// <summary>FIFO, socket, device node: never opened (a FIFO would block forever).</summary>
    Special,
}

/// <summary>Where a symlinked (or hard-linked) blob leads.</summary>
public enum LinkResolution
{
    /// <summary>Not a link.</summary>
    None,

    /// <summary>Resolves, inside the layout, to a regular file: its content is the blob's and is verified.</summary>
    InLayout,

    /// <summary>Absolute, or climbs above the layout root: never followed.</summary>
    LeavesLayout,

    /// <summary>Points at nothing inside the layout.</summary>
    Dangling,

    /// <summary>Resolves inside the layout to a directory, a device, a FIFO, or a chain of links too long.</summary>
    NotAFile,
}

/// <summary>Why a blob's content was not hashed.</summary>
public enum HashSkip
{
    /// <summary>It was hashed (or hashing failed: see <see cref="BlobRecord.Error"/>).</summary>
    None,

    /// <summary><c>--no-blobs</c>.</summary>
    Disabled,

    /// <summary>No readable regular file: missing, a directory, a FIFO, a link that leaves the layout.</summary>
    NoContent,

    /// <summary>Every referencing descriptor declares a size other than the file's length (checked before hashing, as descriptor.md asks).</summary>
    SizeMismatch,

    /// <summary>The algorithm is unregistered, blake3, or the name is not a digest: nothing to compare with.</summary>
    Unverifiable,
}

/// <summary>
/// One blob path of the layout: referenced by descriptors, present under blobs/, or both. Built by
/// <see cref="BlobVerifier"/> so that rules only judge.
/// </summary>
public sealed class BlobRecord
{
    private readonly List<DescriptorModel> _references = [];
    private readonly Dictionary<string, string> _computed = new(StringComparer.Ordinal);

    internal BlobRecord(string path, string algorithm, string encoded)
    {
        Path = path;
        Algorithm = algorithm;
        Encoded = encoded;
        Form = LayoutModel.DigestGrammar().IsMatch(Digest) ? Digests.Classify(algorithm, encoded) : DigestForm.Invalid;
    }

    /// <summary>Layout-relative path, <c>blobs/&lt;alg&gt;/&lt;encoded&gt;</c>.</summary>
    public string Path { get; }

    /// <summary>The folder name under blobs/.</summary>
    public string Algorithm { get; }

    /// <summary>The file name.</summary>
    public string Encoded { get; }

    /// <summary>The digest the path names (<c>alg:encoded</c>); meaningful only when <see cref="Form"/> is not Invalid.</summary>
    public string Digest => Algorithm + ":" + Encoded;

    /// <summary>How the name reads as a digest.</summary>
    public DigestForm Form { get; }

    /// <summary>True when the name is a digest the spec allows as a blob name (grammar, and the algorithm's rule when registered).</summary>
    public bool HasDigestName => Form is DigestForm.Verifiable or DigestForm.RegisteredUnverifiable or DigestForm.Unregistered;

    /// <summary>The entry at <see cref="Path"/>; null when missing.</summary>
    public LayoutEntry? Entry { get; internal set; }

    /// <summary>
    /// When the blob is missing because a folder on its path is not a folder (blobs/sha256 is a symlink or a file):
    /// that entry. Nothing below it was read.
    /// </summary>
    public LayoutEntry? BlockedBy { get; internal set; }

    public BlobFileKind Kind { get; internal set; }

    public LinkResolution Link { get; internal set; }

    /// <summary>The regular file holding the bytes (the entry itself, or where an in-layout link leads); null when there is none.</summary>
    public LayoutEntry? Content { get; internal set; }

    /// <summary>Length of <see cref="Content"/> in bytes, when there is content.</summary>
    public long? Length => Content?.Length;

    /// <summary>Descriptors (in every parsed document) whose digest names this path, in walk order.</summary>
    public IReadOnlyList<DescriptorModel> References => _references;

    public bool IsReferenced => _references.Count > 0;

    /// <summary>Digests computed from the content, by algorithm ("alg:hex").</summary>
    public IReadOnlyDictionary<string, string> Computed => _computed;

    /// <summary>The digest of the content under the path's own algorithm, when it was computed.</summary>
    public string? ComputedDigest => _computed.GetValueOrDefault(Algorithm);

    public HashSkip Skipped { get; internal set; }

    /// <summary>A read error met while hashing (permission denied, file shrank, truncated archive).</summary>
    public string? Error { get; internal set; }

    /// <summary>True when the content was hashed under the path's algorithm and matches the name.</summary>
    public bool Verified => HasDigestName && ComputedDigest == Digest;

    /// <summary>True when the content was hashed under the path's algorithm and does not match the name.</summary>
    public bool Mismatch => HasDigestName && ComputedDigest is { } computed && computed != Digest;

    public override string ToString() => Path;

    internal void AddReference(DescriptorModel descriptor) => _references.Add(descriptor);

    internal void SetComputed(string algorithm, string digest)
    {
        lock (_computed)
        {
            _computed[algorithm] = digest;
        }
    }
}
