using System.Buffers;
using System.Diagnostics;
using OciLint.Core.Engine;
using OciLint.Core.Layout;
using OciLint.Core.Model;

namespace OciLint.Core.Blobs;

/// <summary>
/// Finds every blob path (named by a descriptor, or present under blobs/), judges what is there without
/// following anything out of the layout, and hashes each blob's content once, in parallel, in fixed-size
/// buffers. Digests become paths only through <see cref="LayoutModel.BlobPath"/>, which checks the grammar first.
/// </summary>
public static class BlobVerifier
{
    /// <summary>Read size per call: large enough that the per-call cost of the hash vanishes, small enough that memory does not grow with blob size.</summary>
    public const int BufferSize = 1024 * 1024;

    private const int MaxLinkHops = 8;

    /// <summary>Below this much content, hashing is done before <see cref="Verify"/> returns; above it, in the background.</summary>
    private const long BackgroundThreshold = 32L * 1024 * 1024;

    /// <summary>
    /// Builds <see cref="LayoutModel.Blobs"/> and hashes every blob. A little content is hashed before this returns;
    /// more is hashed in the background while the rules judge the documents, and reading
    /// <see cref="LayoutModel.Blobs"/> waits for it, so the rules' CPU time overlaps the hashing's.
    /// </summary>
    public static void Verify(LayoutModel model, LintSettings settings)
    {
        var records = Collect(model);
        foreach (var record in records.Values)
        {
            Resolve(model.Source, record);
        }

        if (!settings.VerifyBlobs)
        {
            foreach (var record in records.Values)
            {
                record.Skipped = HashSkip.Disabled;
            }

            model.SetBlobs(new BlobTable(records, false, TimeSpan.Zero, 0));
            return;
        }

        var work = Plan(records.Values);
        var jobs = Math.Max(1, settings.Jobs);
        if (work.Sum(w => w.Record.Length!.Value) < BackgroundThreshold)
        {
            model.SetBlobs(Hash(model, records, work, jobs, settings.HashProgress));
            return;
        }

        model.SetBlobs(Task.Factory.StartNew(() => Hash(model, records, work, jobs, settings.HashProgress), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    private static Dictionary<string, BlobRecord> Collect(LayoutModel model)
    {
        var records = new Dictionary<string, BlobRecord>(StringComparer.Ordinal);

        // Large indexes repeat a few digests thousands of times: the grammar is checked once per distinct string.
        var byDigest = new Dictionary<string, BlobRecord>(StringComparer.Ordinal);
        foreach (var descriptor in model.Descriptors)
        {
            if (descriptor.Digest is not { } digest)
            {
                continue;
            }

            if (!byDigest.TryGetValue(digest, out var record))
            {
                // BlobPath is null for anything off the grammar: "sha256:../../etc/passwd" never becomes a path.
                if (LayoutModel.BlobPath(digest) is not { } path)
                {
                    continue;
                }

                if (!records.TryGetValue(path, out record))
                {
                    var (algorithm, encoded) = Digests.Split(digest)!.Value;
                    record = new BlobRecord(path, algorithm, encoded);
                    records.Add(path, record);
                }

                byDigest.Add(digest, record);
            }

            record.AddReference(descriptor);
        }

        // Files under blobs/<alg>/ that nothing references: their content must still match their name.
        foreach (var entry in model.Source.Entries)
        {
            if (entry.Kind == EntryKind.Directory || !entry.Path.StartsWith("blobs/", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = entry.Path.Split('/');
            if (parts.Length == 3 && !records.ContainsKey(entry.Path))
            {
                records.Add(entry.Path, new BlobRecord(entry.Path, parts[1], parts[2]));
            }
        }

        return records;
    }

    private static void Resolve(ILayoutSource source, BlobRecord record)
    {
        var entry = source.Find(record.Path);
        record.Entry = entry;
        if (entry is null)
        {
            record.Kind = BlobFileKind.Missing;
            record.BlockedBy = BlockingAncestor(source, record.Path);
            return;
        }

        switch (entry.Kind)
        {
            case EntryKind.File:
                record.Kind = BlobFileKind.File;
                record.Content = entry;
                return;
            case EntryKind.Directory:
                record.Kind = BlobFileKind.Directory;
                return;
            case EntryKind.Other:
                record.Kind = BlobFileKind.Special;
                return;
            case EntryKind.HardLink:
            case EntryKind.Symlink:
                // A tar hard link is a regular file once extracted; a symlink is reported, and followed only inside the layout.
                record.Kind = entry.Kind == EntryKind.HardLink ? BlobFileKind.File : BlobFileKind.Symlink;
                record.Link = FollowLink(source, entry, out var content);
                record.Content = content;
                if (entry.Kind == EntryKind.HardLink && record.Link != LinkResolution.InLayout)
                {
                    record.Kind = BlobFileKind.Symlink;
                }

                return;
            default:
                throw new UnreachableException(entry.Kind.ToString());
        }
    }

    /// <summary>blobs or blobs/&lt;alg&gt; when it exists but is not a folder (a symlink is never descended into).</summary>
    private static LayoutEntry? BlockingAncestor(ILayoutSource source, string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        while (slash > 0)
        {
            if (source.Find(path[..slash]) is { Kind: not EntryKind.Directory } ancestor)
            {
                return ancestor;
            }

            slash = path.IndexOf('/', slash + 1);
        }

        return null;
    }

    /// <summary>Resolves a link lexically against the enumerated entries; never asks the file system.</summary>
    internal static LinkResolution FollowLink(ILayoutSource source, LayoutEntry link, out LayoutEntry? content)
    {
        content = null;
        var current = link;
        for (var hop = 0; hop <= MaxLinkHops; hop++)
        {
            switch (current.Kind)
            {
                case EntryKind.File:
                    content = current;
                    return LinkResolution.InLayout;
                case EntryKind.Directory or EntryKind.Other:
                    return LinkResolution.NotAFile;
            }

            var target = current.LinkTarget;
            if (string.IsNullOrEmpty(target))
            {
                return LinkResolution.Dangling;
            }

            if (target.StartsWith('/') || target.StartsWith('\\') || (target.Length > 1 && target[1] == ':'))
            {
                return LinkResolution.LeavesLayout;
            }

            // Symlink targets are relative to the link's folder; tar hard link names to the archive root.
            var folder = current.Kind == EntryKind.HardLink ? "" : Parent(current.Path);
            if (Join(folder, target) is not { } resolved)
            {
                return LinkResolution.LeavesLayout;
            }

            if (source.Find(resolved) is not { } next)
            {
                return LinkResolution.Dangling;
            }

            current = next;
        }

        return LinkResolution.NotAFile;
    }

    private static string Parent(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "";

    /// <summary>Joins and normalises '.' and '..'; null when the result climbs above the root.</summary>
    private static string? Join(string folder, string relative)
    {
        var parts = folder.Length == 0 ? new List<string>() : [.. folder.Split('/')];
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static List<(BlobRecord Record, IReadOnlyList<string> Algorithms)> Plan(IEnumerable<BlobRecord> records)
    {
        var work = new List<(BlobRecord Record, IReadOnlyList<string> Algorithms)>();
        foreach (var record in records)
        {
            var algorithms = Plan(record);
            if (algorithms.Count > 0)
            {
                work.Add((record, algorithms));
            }
        }

        return work;
    }

    private static BlobTable Hash(LayoutModel model, Dictionary<string, BlobRecord> records, List<(BlobRecord Record, IReadOnlyList<string> Algorithms)> work, int jobs, IProgress<HashProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        var documents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var document in model.Documents)
        {
            if (document.Digest is not null)
            {
                documents.TryAdd(document.File, document.Bytes);
            }
        }

        // Largest first, so that one big layer does not start last and leave the other cores idle.
        work.Sort((a, b) => b.Record.Length!.Value.CompareTo(a.Record.Length!.Value));
        var state = new HashState(work.Sum(w => w.Record.Length!.Value), work.Count, progress);
        using var ticker = progress is null ? null : new Timer(_ => state.Report(done: false), null, 100, 100);
        var next = -1;

        void Worker()
        {
            byte[]? buffer = null;
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < work.Count)
                {
                    var (record, algorithms) = work[i];
                    try
                    {
                        HashOne(record, algorithms);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // A bug must not take the whole run down from a background thread: the blob is reported unverified.
                        record.Error = $"internal error while hashing: {e.Message}";
                    }

                    state.Finished();
                }
            }
            finally
            {
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            void HashOne(BlobRecord record, IReadOnlyList<string> algorithms)
            {
                if (record.Content is { } content && ReferenceEquals(content, record.Entry) && documents.TryGetValue(record.Path, out var bytes) && bytes.Length == content.Length)
                {
                    // A parsed JSON blob is already in memory: hashing it again from disk would open it twice.
                    foreach (var algorithm in algorithms)
                    {
                        record.SetComputed(algorithm, Digests.Compute(algorithm, bytes));
                    }

                    state.Add(bytes.Length);
                }
                else if (Known(model, record, algorithms) is { } known)
                {
                    for (var a = 0; a < algorithms.Count; a++)
                    {
                        record.SetComputed(algorithms[a], known[a]);
                    }

                    state.Add(record.Content!.Length);
                }
                else
                {
                    buffer ??= ArrayPool<byte>.Shared.Rent(BufferSize);
                    HashStream(model.Source, record, algorithms, buffer, state);
                }
            }
        }

        var workers = Math.Min(jobs, work.Count);
        var threads = new Task[Math.Max(0, workers - 1)];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Worker();
        Task.WaitAll(threads);
        state.Report(done: true);
        return new BlobTable(records, true, clock.Elapsed, state.BytesHashed);
    }

    /// <summary>
    /// Digests someone already computed while reading the blob for another reason: a compressed tar during its
    /// single pass, the deep layer scan while decoding. Null unless every algorithm is known.
    /// </summary>
    private static string[]? Known(LayoutModel model, BlobRecord record, IReadOnlyList<string> algorithms)
    {
        var known = new string[algorithms.Count];
        for (var a = 0; a < algorithms.Count; a++)
        {
            if ((model.Source.KnownDigest(record.Content!, algorithms[a]) ?? model.Layers.KnownDigest(record.Content!.Path, algorithms[a])) is not { } digest)
            {
                return null;
            }

            known[a] = digest;
        }

        return known;
    }

    /// <summary>Which digests to compute for a record, or none (and why, in <see cref="BlobRecord.Skipped"/>).</summary>
    private static IReadOnlyList<string> Plan(BlobRecord record)
    {
        if (record.Content is not { } content)
        {
            record.Skipped = HashSkip.NoContent;
            return [];
        }

        // descriptor.md: "Before calculating the digest, the size of the content SHOULD be verified".
        var sizes = record.References.Select(d => d.Size).OfType<long>().ToList();
        if (sizes.Count > 0 && !sizes.Contains(content.Length))
        {
            record.Skipped = HashSkip.SizeMismatch;
            return [];
        }

        var algorithms = Digests.AlgorithmsFor(record.Algorithm, record.Encoded);
        if (algorithms.Count == 0)
        {
            record.Skipped = HashSkip.Unverifiable;
        }

        return algorithms;
    }

    private static void HashStream(ILayoutSource source, BlobRecord record, IReadOnlyList<string> algorithms, byte[] buffer, HashState state)
    {
        var hashes = algorithms.Select(Digests.CreateHash).ToArray();
        var expected = record.Content!.Length;
        long total = 0;
        try
        {
            using var stream = source.OpenRead(record.Content);
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
            {
                foreach (var hash in hashes)
                {
                    hash.AppendData(buffer, 0, read);
                }

                total += read;
                state.Add(read);
                if (total > expected)
                {
                    break;
                }
            }

            if (total != expected)
            {
                record.Error = total < expected
                    ? $"only {total} of {expected} bytes could be read (file shrank or archive truncated)"
                    : $"the file grew while it was read (more than {expected} bytes)";
                return;
            }

            for (var i = 0; i < hashes.Length; i++)
            {
                record.SetComputed(algorithms[i], Digests.Format(algorithms[i], hashes[i].GetHashAndReset()));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException)
        {
            record.Error = e.Message;
        }
        finally
        {
            state.Add(expected - Math.Min(total, expected));
            foreach (var hash in hashes)
            {
                hash.Dispose();
            }
        }
    }

    private sealed class HashState(long bytesTotal, int blobsTotal, IProgress<HashProgress>? progress)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _reporting = new();
        private long _bytes;
        private int _blobs;
        private bool _done;

        public long BytesHashed => Interlocked.Read(ref _bytes);

        public void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);

        public void Finished() => Interlocked.Increment(ref _blobs);

        /// <summary>Serialised, and nothing after the final report: a timer tick may race with the end.</summary>
        public void Report(bool done)
        {
            if (progress is null)
            {
                return;
            }

            lock (_reporting)
            {
                if (_done)
                {
                    return;
                }

                _done = done;
                progress.Report(new HashProgress(Math.Min(BytesHashed, bytesTotal), bytesTotal, Volatile.Read(ref _blobs), blobsTotal, _clock.Elapsed, done));
            }
        }
    }
}
