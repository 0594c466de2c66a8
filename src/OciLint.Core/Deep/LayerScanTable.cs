using OciLint.Core.Model;

namespace OciLint.Core.Deep;

/// <summary>Every layer blob the deep scan read, by path and compression; empty without <c>--deep</c>.</summary>
public sealed class LayerScanTable
{
    private readonly Dictionary<(string Path, LayerCompression Compression), LayerScan> _scans;

    internal LayerScanTable(Dictionary<(string Path, LayerCompression Compression), LayerScan> scans, bool ran, TimeSpan elapsed)
    {
        _scans = scans;
        Ran = ran;
        Elapsed = elapsed;
    }

    public static LayerScanTable Empty { get; } = new([], false, TimeSpan.Zero);

    /// <summary>True when <c>--deep</c> was given.</summary>
    public bool Ran { get; }

    public TimeSpan Elapsed { get; }

    public IEnumerable<LayerScan> All => _scans.Values;

    /// <summary>The scan of the blob a layer descriptor names, decoded as its media type says; null when it was not scanned.</summary>
    /// <remarks>Without --deep the table is empty: answered before the digest grammar check (four rules ask per layer).</remarks>
    public LayerScan? For(DescriptorModel descriptor) =>
        _scans.Count > 0 && LayoutModel.BlobPath(descriptor.Digest) is { } path && LayerMediaTypes.CompressionOf(descriptor.MediaType) is { } compression
            ? _scans.GetValueOrDefault((path, compression))
            : null;

    /// <summary>A digest of a blob computed by the scan ("alg:hex"), so the blob need not be read again; null when not computed.</summary>
    public string? KnownDigest(string path, string algorithm)
    {
        foreach (var compression in (ReadOnlySpan<LayerCompression>)[LayerCompression.None, LayerCompression.Gzip, LayerCompression.Zstd])
        {
            if (_scans.TryGetValue((path, compression), out var scan) && scan.CompressedDigests.TryGetValue(algorithm, out var digest))
            {
                return digest;
            }
        }

        return null;
    }
}
