using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using OciLint.Core.Blobs;
using OciLint.Core.Engine;
using OciLint.Core.Layout;
using OciLint.Core.Model;
using ZstdSharp;

namespace OciLint.Core.Deep;

/// <summary>
/// <c>--deep</c>: reads every tar layer blob once, in parallel, decoding it by its declared media type. In the
/// same pass it hashes the blob as stored and the decoded stream (for <c>rootfs.diff_ids</c>) and reads the tar
/// structure. Memory per layer is a fixed buffer plus 16 bytes per tar entry (up to
/// <see cref="TarScanner.MaxTrackedPaths"/>), whatever the layer's size.
/// </summary>
public static class LayerScanner
{
    /// <summary>Decoded bytes per blob byte above which decoding stops (gzip reaches ~1000:1 on zeros, zstd far more).</summary>
    public const int MaxExpansionRatio = 100;

    /// <summary>The expansion guard applies only once this much was decoded, so small layers of zeros pass.</summary>
    public const long ExpansionGuardFloor = 1L << 30;

    private const int BufferSize = 1024 * 1024;

    /// <summary>Scans the layers of every parsed manifest and stores the results in <see cref="LayoutModel.Layers"/>.</summary>
    public static LayerScanTable Scan(LayoutModel model, LintSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var work = Plan(model, settings);
        var results = new Dictionary<(string, LayerCompression), LayerScan>();
        foreach (var item in work)
        {
            results[(item.Scan.Path, item.Scan.Compression)] = item.Scan;
        }

        // Largest first, so that one big layer does not start last and leave the other cores idle.
        work.Sort((a, b) => b.Scan.Entry.Length.CompareTo(a.Scan.Entry.Length));
        var next = -1;

        void Worker()
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < work.Count)
                {
                    Run(model.Source, work[i], buffer);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var workers = Math.Min(Math.Max(1, settings.Jobs), work.Count);
        var threads = new Task[Math.Max(0, workers - 1)];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Worker();
        Task.WaitAll(threads);
        return model.Layers = new LayerScanTable(results, true, clock.Elapsed);
    }

    private sealed record Work(LayerScan Scan, HashSet<string> CompressedAlgorithms, HashSet<string> UncompressedAlgorithms);

    /// <summary>One work item per (blob, compression), with the digests the blob rules and the configs' diff_ids ask for.</summary>
    private static List<Work> Plan(LayoutModel model, LintSettings settings)
    {
        var work = new Dictionary<(string, LayerCompression), Work>();
        foreach (var manifest in model.Documents.Where(d => d.Kind == DocumentKind.Manifest))
        {
            var config = manifest.Descriptors.FirstOrDefault(d => d.Role == DescriptorRole.Config)?.Target;
            var diffIds = config?.Root?.Get("rootfs")?.Get("diff_ids") is { IsArray: true } ids ? ids.Items : [];
            foreach (var layer in manifest.Descriptors.Where(d => d.Role == DescriptorRole.Layer))
            {
                if (LayerMediaTypes.CompressionOf(layer.MediaType) is not { } compression
                    || LayoutModel.BlobPath(layer.Digest) is not { } path
                    || model.Source.Find(path) is not { IsFile: true } entry)
                {
                    continue;
                }

                if (!work.TryGetValue((path, compression), out var item))
                {
                    var (algorithm, encoded) = Digests.Split(layer.Digest)!.Value;
                    var stored = settings.VerifyBlobs ? Digests.AlgorithmsFor(algorithm, encoded) : [];
                    item = new Work(new LayerScan(path, compression, entry), [.. stored], []);
                    work.Add((path, compression), item);
                }

                if (layer.Position < diffIds.Count && Digests.Split(diffIds[layer.Position].Text) is { } diffId && Digests.IsVerifiable(diffId.Algorithm))
                {
                    item.UncompressedAlgorithms.Add(diffId.Algorithm);
                }
            }
        }

        return [.. work.Values];
    }

    private static void Run(ILayoutSource source, Work work, byte[] buffer)
    {
        var scan = work.Scan;
        var clock = Stopwatch.StartNew();
        var plain = scan.Compression == LayerCompression.None;

        // An uncompressed tar is its own DiffID: one set of hashes serves both.
        var storedAlgorithms = plain ? work.CompressedAlgorithms.Union(work.UncompressedAlgorithms).ToList() : [.. work.CompressedAlgorithms];
        var stored = new Hashes(storedAlgorithms);
        var decoded = plain ? stored : new Hashes(work.UncompressedAlgorithms);
        var tar = new TarScanner();
        Stream opened;
        try
        {
            opened = source.OpenRead(scan.Entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Finish(scan, null, LayerScanOutcome.Unreadable, e.Message);
            stored.Dispose();
            decoded.Dispose();
            return;
        }

        try
        {
            using var raw = new SourceStream(opened, stored);
            var head = new byte[TarScanner.Block];
            var headLength = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var actual = Sniff(head.AsSpan(0, headLength));
            if (Mismatch(scan.Compression, actual, headLength) is { } mismatch)
            {
                raw.Drain(buffer);
                Finish(scan, raw, LayerScanOutcome.NotDecodable, mismatch);
                scan.CompressedDigests = stored.Results();
                return;
            }

            using var payload = Decoder(scan.Compression, new PrefixStream(head.AsMemory(0, headLength), raw));
            long total = 0;
            int read;
            while ((read = payload.Read(buffer, 0, BufferSize)) > 0)
            {
                if (!plain)
                {
                    decoded.Append(buffer.AsSpan(0, read));
                }

                tar.Feed(buffer.AsSpan(0, read));
                total += read;
                if (tar.Failure is not null)
                {
                    break;
                }

                if (!plain && total > ExpansionGuardFloor && total > MaxExpansionRatio * Math.Max(1, raw.BytesRead))
                {
                    scan.UncompressedBytes = total;
                    raw.Drain(buffer);
                    Finish(scan, raw, LayerScanOutcome.LimitExceeded, $"decoding stopped after {Bytes(total)} from {Bytes(raw.BytesRead)} of the blob: the layer expands more than {MaxExpansionRatio}:1 (a decompression bomb, or a layer of mostly zeros); DiffID and tar structure not verified");
                    scan.CompressedDigests = stored.Results();
                    return;
                }
            }

            scan.UncompressedBytes = total;
            raw.Drain(buffer);
            var storedDigests = stored.Results();
            scan.CompressedDigests = storedDigests;
            Judge(scan, tar, raw);
            if (scan.Outcome == LayerScanOutcome.Complete)
            {
                scan.UncompressedDigests = plain ? storedDigests : decoded.Results();
            }

            Finish(scan, raw, scan.Outcome, scan.Problem);
        }
        catch (SourceReadException e)
        {
            Finish(scan, null, LayerScanOutcome.Unreadable, e.InnerException?.Message ?? e.Message);
        }
        catch (InvalidDataException e)
        {
            // .NET words every deflate or CRC failure as "unsupported compression method"; say what it means.
            Finish(scan, null, LayerScanOutcome.NotDecodable, scan.Compression == LayerCompression.Gzip
                ? "the gzip data is corrupt (invalid deflate data or CRC-32 mismatch)"
                : $"the {LayerMediaTypes.Describe(scan.Compression)} data is corrupt: {e.Message.TrimEnd('.')}");
        }
        catch (Exception e) when (e is ZstdException or EndOfStreamException or IOException)
        {
            Finish(scan, null, LayerScanOutcome.NotDecodable, $"the {LayerMediaTypes.Describe(scan.Compression)} data is corrupt: {e.Message.TrimEnd('.')}");
        }
        finally
        {
            scan.Elapsed = clock.Elapsed;
            scan.Entries = tar.Entries;
            scan.DuplicateCount = tar.DuplicateCount;
            scan.DuplicatePaths = [.. tar.Duplicates];
            scan.DuplicateCheckLimited = tar.DuplicateCheckLimited;
            scan.BareWhiteoutCount = tar.BareWhiteoutCount;
            scan.BareWhiteouts = [.. tar.BareWhiteouts];
            if (!ReferenceEquals(stored, decoded))
            {
                decoded.Dispose();
            }

            stored.Dispose();
        }
    }

    /// <summary>Outcome from the tar reader's view of the end, cross-checked with the gzip trailer.</summary>
    private static void Judge(LayerScan scan, TarScanner tar, SourceStream raw)
    {
        if (tar.Failure is { } failure)
        {
            scan.Outcome = LayerScanOutcome.NotDecodable;
            scan.Problem = failure;
            return;
        }

        var (truncated, problem, missingEnd, endDetail) = tar.Finish();

        // .NET's GZipStream ends quietly when the compressed data stops early. A complete single-member gzip
        // ends with ISIZE, the decoded length mod 2^32; multi-member gzip (eStargz) does not, but then the
        // tar inside is complete, so the trailer only decides when the tar stream is cut too.
        if (scan.Compression == LayerCompression.Gzip && (truncated || missingEnd) && raw.Trailer != (uint)scan.UncompressedBytes)
        {
            scan.Outcome = LayerScanOutcome.Truncated;
            scan.Problem = $"the gzip stream ends early (its last bytes are no gzip trailer for the {Bytes(scan.UncompressedBytes)} decoded), so {problem ?? endDetail}";
            return;
        }

        scan.Outcome = truncated ? LayerScanOutcome.Truncated : LayerScanOutcome.Complete;
        scan.Problem = problem;
        scan.MissingEndOfArchive = missingEnd;
        scan.EndOfArchiveDetail = endDetail;
    }

    private static void Finish(LayerScan scan, SourceStream? raw, LayerScanOutcome outcome, string? problem)
    {
        scan.Outcome = outcome;
        scan.Problem = problem;
        if (raw is not null)
        {
            scan.CompressedBytes = raw.BytesRead;
        }
    }

    private enum Content
    {
        Empty,
        Gzip,
        Zstd,
        Tar,
        Bzip2,
        Xz,
        Other,
    }

    private static Content Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return Content.Empty;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
        {
            return Content.Gzip;
        }

        // A zstd frame, or a skippable frame (0x184D2A5?) that may precede one.
        if (head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd]) || (head.Length >= 4 && (head[0] & 0xf0) == 0x50 && head[1..4].SequenceEqual((ReadOnlySpan<byte>)[0x2a, 0x4d, 0x18])))
        {
            return Content.Zstd;
        }

        if (head.StartsWith("BZh"u8))
        {
            return Content.Bzip2;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
        {
            return Content.Xz;
        }

        // A tar starts with a header ("ustar" at 257 for POSIX/GNU, a valid checksum for v7) or with zero blocks.
        if (head.Length == TarScanner.Block && (head.Slice(257, 5).SequenceEqual("ustar"u8) || !head.ContainsAnyExcept((byte)0)))
        {
            return Content.Tar;
        }

        return Content.Other;
    }

    private static string? Mismatch(LayerCompression declared, Content actual, int length)
    {
        var claimed = declared switch
        {
            LayerCompression.Gzip => "a gzip-compressed tar",
            LayerCompression.Zstd => "a zstd-compressed tar",
            _ => "an uncompressed tar",
        };
        var found = actual switch
        {
            Content.Gzip => "gzip data",
            Content.Zstd => "zstd data",
            Content.Tar => "an uncompressed tar",
            Content.Bzip2 => "bzip2 data",
            Content.Xz => "xz data",
            _ => null,
        };
        return (declared, actual) switch
        {
            (LayerCompression.Gzip, Content.Gzip) or (LayerCompression.Zstd, Content.Zstd) => null,

            // An uncompressed tar is recognised by the tar reader itself (v7 headers carry no magic); an empty one by Finish.
            (LayerCompression.None, Content.Tar or Content.Other or Content.Empty) => null,
            (_, Content.Empty) => $"the media type declares {claimed}, but the blob is empty",
            (_, _) when found is not null => $"the media type declares {claimed}, but the blob is {found}",
            _ => $"the media type declares {claimed}, but the blob does not start with the {(declared == LayerCompression.Gzip ? "gzip magic 1f 8b" : "zstd magic 28 b5 2f fd")} ({length} bytes read)",
        };
    }

    private static Stream Decoder(LayerCompression compression, Stream input) => compression switch
    {
        LayerCompression.Gzip => new GZipStream(input, CompressionMode.Decompress),
        LayerCompression.Zstd => new DecompressionStream(input),
        _ => input,
    };

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };

    /// <summary>A set of incremental hashes over one stream.</summary>
    private sealed class Hashes(IEnumerable<string> algorithms) : IDisposable
    {
        private readonly (string Algorithm, IncrementalHash Hash)[] _hashes = [.. algorithms.Distinct().Select(a => (a, Digests.CreateHash(a)))];

        public void Append(ReadOnlySpan<byte> data)
        {
            foreach (var (_, hash) in _hashes)
            {
                hash.AppendData(data);
            }
        }

        public Dictionary<string, string> Results()
        {
            var results = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (algorithm, hash) in _hashes)
            {
                results[algorithm] = Digests.Format(algorithm, hash.GetHashAndReset());
            }

            return results;
        }

        public void Dispose()
        {
            foreach (var (_, hash) in _hashes)
            {
                hash.Dispose();
            }
        }
    }

    /// <summary>A failure of the layout source itself, told apart from a decoding failure.</summary>
    private sealed class SourceReadException(Exception inner) : Exception(inner.Message, inner);

    /// <summary>The blob as read from the source: hashed and counted as it passes, its last four bytes kept.</summary>
    private sealed class SourceStream(Stream inner, Hashes hashes) : ReadOnlyStream
    {
        private uint _trailer;

        public long BytesRead { get; private set; }

        /// <summary>The last four bytes read, little-endian (gzip's ISIZE when the stream is a complete gzip member).</summary>
        public uint Trailer => _trailer;

        public override long Position => BytesRead;

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                throw new SourceReadException(e);
            }

            var data = buffer[..read];
            hashes.Append(data);
            BytesRead += read;
            foreach (var b in data.Length > 4 ? data[^4..] : data)
            {
                _trailer = (_trailer >> 8) | ((uint)b << 24);
            }

            return read;
        }

        /// <summary>Reads what the decoder left (it stops at the end of its stream), so the stored digests cover the whole blob.</summary>
        public void Drain(byte[] buffer)
        {
            while (Read(buffer.AsSpan()) > 0)
            {
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Serves bytes already read (the sniffed head), then the rest of the stream.</summary>
    private sealed class PrefixStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

    }
}
