using OciLint.Core.Layout;

namespace OciLint.Core.Deep;

/// <summary>How far the deep scan of one layer blob got.</summary>
public enum LayerScanOutcome
{
    /// <summary>Decoded and read as tar to the end (see <see cref="LayerScan.MissingEndOfArchive"/>).</summary>
    Complete,

    /// <summary>Not what the media type claims: wrong or no compression, corrupt compressed data, not a tar archive.</summary>
    NotDecodable,

    /// <summary>The tar stream (or the compressed stream around it) ends inside a header or inside a member's data.</summary>
    Truncated,

    /// <summary>Decompression was stopped by the expansion guard (<see cref="LayerScanner.MaxExpansionRatio"/>).</summary>
    LimitExceeded,

    /// <summary>The blob could not be read (the blob rules report why).</summary>
    Unreadable,
}

/// <summary>What the deep scan found in one layer blob, decoded as one compression. Rules only read it.</summary>
public sealed class LayerScan
{
    internal LayerScan(string path, LayerCompression compression, LayoutEntry entry)
    {
        Path = path;
        Compression = compression;
        Entry = entry;
    }

    /// <summary>The blob path, <c>blobs/&lt;alg&gt;/&lt;encoded&gt;</c>.</summary>
    public string Path { get; }

    /// <summary>The compression the blob was decoded as (a blob referenced under two media types is scanned twice).</summary>
    public LayerCompression Compression { get; }

    public LayoutEntry Entry { get; }

    public LayerScanOutcome Outcome { get; internal set; }

    /// <summary>What went wrong, for every outcome but <see cref="LayerScanOutcome.Complete"/>.</summary>
    public string? Problem { get; internal set; }

    /// <summary>The tar stream lacks its end-of-archive marker (two zero blocks), and maybe the last member's padding.</summary>
    public bool MissingEndOfArchive { get; internal set; }

    /// <summary>What exactly is missing at the end, when <see cref="MissingEndOfArchive"/>.</summary>
    public string? EndOfArchiveDetail { get; internal set; }

    /// <summary>Bytes of the blob read.</summary>
    public long CompressedBytes { get; internal set; }

    /// <summary>Bytes of the decoded (tar) stream.</summary>
    public long UncompressedBytes { get; internal set; }

    /// <summary>Digests of the blob as stored, by algorithm ("alg:hex"), computed in the same pass.</summary>
    public IReadOnlyDictionary<string, string> CompressedDigests { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Digests of the decoded stream (DiffIDs), by algorithm; only when the whole stream was decoded.</summary>
    public IReadOnlyDictionary<string, string> UncompressedDigests { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Tar entries (files, directories, links; not extended headers).</summary>
    public long Entries { get; internal set; }

    /// <summary>Paths that appear more than once (normalised: no "./", no trailing "/"), the first few of them.</summary>
    public IReadOnlyList<string> DuplicatePaths { get; internal set; } = [];

    public long DuplicateCount { get; internal set; }

    /// <summary>True when the layer had more entries than <see cref="TarScanner.MaxTrackedPaths"/>: later ones were not compared.</summary>
    public bool DuplicateCheckLimited { get; internal set; }

    /// <summary>Entries named exactly ".wh." (a whiteout without a name to delete), the first few of them.</summary>
    public IReadOnlyList<string> BareWhiteouts { get; internal set; } = [];

    public long BareWhiteoutCount { get; internal set; }

    public TimeSpan Elapsed { get; internal set; }

    public override string ToString() => $"{Path} ({LayerMediaTypes.Describe(Compression)}): {Outcome}";
}
