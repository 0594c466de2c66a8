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
                // Rules on several threads may wait at once: the wait is the span from the first waiter to the end.
                var waits = !hashing.IsCompleted;
                if (waits)
                {
                    Interlocked.CompareExchange(ref _waitStarted, System.Diagnostics.Stopwatch.GetTimestamp(), 0);
                }

                _blobs = hashing.GetAwaiter().GetResult();
                if (waits)
                {
                    Volatile.Write(ref _waitEnded, System.Diagnostics.Stopwatch.GetTimestamp());
                }

                Volatile.Write(ref _hashing, null);
            }

            return _blobs;
        }
    }

    /// <summary>Whether blobs are still being hashed in the background (on every core the verifier was given).</summary>
    public bool HashingInBackground => Volatile.Read(ref _hashing) is { IsCompleted: false };

    /// <summary>How long readers of <see cref="Blobs"/> waited for background hashing to finish.</summary>
    public TimeSpan HashWait =>
        Volatile.Read(ref _waitEnded) is var ended and > 0 && Volatile.Read(ref _waitStarted) is var started and > 0 && ended > started
            ? System.Diagnostics.Stopwatch.GetElapsedTime(started, ended)
            : TimeSpan.Zero;

    private long _waitStarted;
    private long _waitEnded;

    internal void SetBlobs(BlobTable table)
    {
        _blobs = table;
        Volatile.Write(ref _hashing, null);
    }

    internal void SetBlobs(Task<BlobTable> hashing) => Volatile.Write(ref _hashing, hashing);
}
