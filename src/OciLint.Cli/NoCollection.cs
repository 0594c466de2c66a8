using System.Runtime;

namespace OciLint.Cli;

/// <summary>
/// Holds off garbage collection while big layouts are checked. A check builds one tree that lives to its end (a
/// 50,000-entry index.json is ~85 MiB of it): collecting in the middle only copies that tree from generation to
/// generation, ~80 ms of pauses on two cores. Peak memory stays what the tree needs; a run that allocates more
/// than the budget simply gets collected as usual.
/// </summary>
/// <remarks>The runtime's gen0 budget setting (GCgen0size) is read only from the environment, not from runtimeconfig.json.</remarks>
internal sealed class NoCollection : IDisposable
{
    private const long Budget = 256L << 20;

    // Starting the region costs ~10 ms (a collection, and reserving the budget), and a three-blob check is 150 ms in
    // all: it pays from an index.json of 1 MiB (~3,000 entries), or an archive big enough to hold one.
    private const long BigIndex = 1L << 20;
    private const long BigArchive = 64L << 20;

    private readonly bool _started;

    private NoCollection(bool started) => _started = started;

    /// <summary>Starts holding off collections when one of <paramref name="targets"/> is big enough to pay for it.</summary>
    public static NoCollection Begin(IEnumerable<string> targets) => targets.Any(IsBig) ? Begin() : new NoCollection(false);

    public static NoCollection Begin()
    {
        // Already in one (a caller running the CLI in-process): leave it to its owner.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return new NoCollection(false);
        }

        try
        {
            return new NoCollection(GC.TryStartNoGCRegion(Budget));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime's ephemeral space allows, or another in-process caller got there first:
            // check with ordinary collections.
            return new NoCollection(false);
        }
    }

    public void Dispose()
    {
        // A collection the budget could not avoid has already ended the region (and then ending it throws).
        if (_started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    private static bool IsBig(string target)
    {
        try
        {
            var index = new FileInfo(Path.Combine(target, "index.json"));
            var archive = new FileInfo(target);
            return (Directory.Exists(target) && index.Exists && index.Length >= BigIndex) || (archive.Exists && archive.Length >= BigArchive);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
