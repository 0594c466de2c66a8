using OciLint.Core.Blobs;

namespace OciLint.Core.Model;

public sealed partial class LayoutModel
{
    private BlobTable _blobs = BlobTable.Empty;
    private Task<BlobTable>? _hashing;

    /// <summary>
    /// Existence, kind, length and computed digests of every blob; empty until the verifier ran. While the
    /// verifier hashes in the background, reading this waits until it is done.
    /// </summary>
    public BlobTable Blobs
    {
        get
        {
            if (Volatile.Read(ref _hashing) is { } hashing)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                _blobs = hashing.GetAwaiter().GetResult();
                HashWait += System.Diagnostics.Stopwatch.GetElapsedTime(started);
                Volatile.Write(ref _hashing, null);
            }

            return _blobs;
        }
    }

    /// <summary>How long readers of <see cref="Blobs"/> waited for background hashing to finish.</summary>
    public TimeSpan HashWait { get; private set; }

    internal void SetBlobs(BlobTable table)
    {
        _blobs = table;
        Volatile.Write(ref _hashing, null);
    }

    internal void SetBlobs(Task<BlobTable> hashing) => Volatile.Write(ref _hashing, hashing);
}
