using OciLint.Core.Model;

namespace OciLint.Core.Blobs;

/// <summary>Every blob path of a layout with what the verifier found; read by the blob rules.</summary>
public sealed class BlobTable
{
    private readonly Dictionary<string, BlobRecord> _byPath;

    internal BlobTable(Dictionary<string, BlobRecord> byPath, bool hashed, TimeSpan hashTime, long bytesHashed)
    {
        _byPath = byPath;
        Records = [.. byPath.Values.OrderBy(r => r.Path, StringComparer.Ordinal)];
        Hashed = hashed;
        HashTime = hashTime;
        BytesHashed = bytesHashed;
    }

    public static BlobTable Empty { get; } = new([], false, TimeSpan.Zero, 0);

    /// <summary>Every record, ordered by path.</summary>
    public IReadOnlyList<BlobRecord> Records { get; }

    /// <summary>False with <c>--no-blobs</c>: existence and sizes are known, digests are not.</summary>
    public bool Hashed { get; }

    public TimeSpan HashTime { get; }

    public long BytesHashed { get; }

    public BlobRecord? this[string path] => _byPath.GetValueOrDefault(path);

    /// <summary>The record a descriptor's digest names; null when the digest is absent or breaks the grammar.</summary>
    public BlobRecord? For(DescriptorModel descriptor) => For(descriptor.Digest);

    public BlobRecord? For(string? digest) => LayoutModel.BlobPath(digest) is { } path ? _byPath.GetValueOrDefault(path) : null;
}
