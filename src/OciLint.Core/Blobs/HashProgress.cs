namespace OciLint.Core.Blobs;

/// <summary>A snapshot of blob hashing, reported about ten times a second while it runs and once at the end.</summary>
public readonly record struct HashProgress(long BytesHashed, long BytesTotal, int BlobsHashed, int BlobsTotal, TimeSpan Elapsed, bool Done)
{
    /// <summary>Bytes per second so far; 0 before any time has passed.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? BytesHashed / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the rate so far; null while the rate is unknown.</summary>
    public TimeSpan? Remaining => Rate > 0 ? TimeSpan.FromSeconds((BytesTotal - BytesHashed) / Rate) : null;
}
