using System.Buffers;
using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
using System.IO.Hashing;
using OciLint.Core.Blobs;

namespace OciLint.Core.Layout;

/// <summary>
/// A layout inside a tar (plain or gzip), read in place. A plain tar is indexed once and members are read
/// at their data offsets; a compressed one is streamed once, keeping small members (the JSON documents)
/// in memory and hashing every blob on the way, so that it is decompressed again only to read a large
/// member that something asks for. Nothing is ever written to disk.
/// </summary>
public sealed class TarLayoutSource : ILayoutSource
{
    // Members up to this size are kept in memory when the archive cannot seek (the spec's guidance caps manifests at 4 MiB)...
    private const long InMemoryLimit = 4 * 1024 * 1024;

    // ...up to this much in all, so that memory does not grow with the number of small layers.
    private const long InMemoryBudget = 64 * 1024 * 1024;

    private readonly string _file;
    private readonly List<LayoutEntry> _entries = [];
    private readonly Dictionary<string, LayoutEntry> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<LayoutEntry, long> _dataOffsets = [];
    private readonly Dictionary<LayoutEntry, byte[]> _contents = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(LayoutEntry, string), string> _digests = [];
    private readonly List<SourceIssue> _issues = [];

    // Two regular files at one path: the issue's index in _issues, the earlier copy and the later one.
    private readonly List<(int Issue, LayoutEntry First, LayoutEntry Second)> _duplicateFiles = [];
    private readonly bool _hashBlobs;
    private long _inMemory;

    private TarLayoutSource(string file, SourceKind kind, bool hashBlobs)
    {
        _file = file;
        Target = file;
        Kind = kind;
        _hashBlobs = hashBlobs;
    }

    public string Target { get; }

    public SourceKind Kind { get; }

    public IReadOnlyList<LayoutEntry> Entries => _entries;

    public IReadOnlyList<SourceIssue> Issues => _issues;

    /// <param name="hashBlobs">For a compressed tar: hash the blobs during the indexing pass (false for <c>--no-blobs</c>).</param>
    public static TarLayoutSource Open(string file, bool hashBlobs = true)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new TargetException($"{file}: permission denied", e);
        }
        catch (IOException e)
        {
            throw new TargetException($"{file}: {e.Message}", e);
        }

        using (stream)
        {
            var gzip = IsGzip(stream);
            var source = new TarLayoutSource(file, gzip ? SourceKind.CompressedTar : SourceKind.Tar, hashBlobs);
            source.Index(stream);
            source.CompareDuplicateFiles();
            return source;
        }
    }

    public LayoutEntry? Find(string path) => _byPath.GetValueOrDefault(path);

    public string? KnownDigest(LayoutEntry entry, string algorithm) =>
        _byPath.TryGetValue(entry.Path, out var known) && ReferenceEquals(known, entry) ? _digests.GetValueOrDefault((entry, algorithm)) : null;

    public Stream OpenRead(LayoutEntry entry)
    {
        if (!entry.IsFile || !_byPath.TryGetValue(entry.Path, out var known) || !ReferenceEquals(known, entry))
        {
            throw new InvalidOperationException($"{entry.Path} is not a regular file of this layout");
        }

        if (_contents.TryGetValue(entry, out var bytes))
        {
            return new MemoryStream(bytes, writable: false);
        }

        if (_dataOffsets.TryGetValue(entry, out var offset))
        {
            var file = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            file.Seek(offset, SeekOrigin.Begin);
            return new BoundedStream(file, entry.Length);
        }

        return ReStream(entry);
    }

    public void Dispose()
    {
    }

    private static bool IsGzip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Seek(0, SeekOrigin.Begin);
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    private void Index(Stream file)
    {
        var seekable = Kind == SourceKind.Tar;
        using var archive = seekable ? file : new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        var guard = new TarHeaderGuard(archive);
        using var reader = new TarReader(guard, leaveOpen: true);
        var ordinal = 0;
        while (true)
        {
            TarEntry? member;
            try
            {
                member = reader.GetNextEntry(copyData: false);
                if (member is null)
                {
                    break;
                }

                // A member is registered only once its data is known to be whole: one the archive ends inside
                // is not in the layout (the truncation is the finding), so nothing later reads past the end.
                if (Describe(member, ordinal) is { } entry)
                {
                    if (entry.IsFile && seekable)
                    {
                        if (member.DataOffset < 0 || member.DataOffset + member.Length > file.Length)
                        {
                            throw new EndOfStreamException($"member {member.Name} extends past the end of the archive");
                        }

                        _dataOffsets[entry] = member.DataOffset;
                    }
                    else if (entry.IsFile)
                    {
                        // An empty member has no data stream; it is kept (as nothing) like any small one, or it could not be read again.
                        Consume(entry, member.DataStream ?? Stream.Null);
                    }

                    Register(entry);
                }
            }
            catch (Exception e) when (e is IOException || IsCorrupt(e))
            {
                var kind = ordinal == 0 ? SourceIssueKind.NotAnArchive : SourceIssueKind.Truncated;
                var detail = ordinal == 0
                    ? $"not a tar archive{(Kind == SourceKind.CompressedTar ? " inside the gzip stream" : "")} ({Explain(e)})"
                    : $"the archive is truncated or corrupt after {ordinal} member(s) ({Explain(e)})";
                _issues.Add(new SourceIssue(kind, "", detail));
                break;
            }

            ordinal++;
        }

        if (!seekable && !_issues.Any(i => i.Kind is SourceIssueKind.NotAnArchive or SourceIssueKind.Truncated))
        {
            // The gzip trailer (CRC-32 and length) is checked only when the stream is read to its end. The decoded
            // length it must match is what the guard saw plus this tail (read past the guard: after the tar's end
            // nothing is a header).
            var drained = true;
            long tail = 0;
            try
            {
                var buffer = new byte[16 * 1024];
                for (int read; (read = archive.Read(buffer)) > 0;)
                {
                    tail += read;
                }
            }
            catch (Exception e) when (e is IOException || IsCorrupt(e))
            {
                drained = false;
                _issues.Add(new SourceIssue(SourceIssueKind.Truncated, "", $"the gzip stream is corrupt after the last member ({Explain(e)})"));
            }

            if (drained && MissingTrailer(file, guard.Offset + tail) is { } missing)
            {
                _issues.Add(new SourceIssue(SourceIssueKind.Truncated, "", missing));
            }
        }

        if (ordinal == 0 && _issues.Count == 0 && _entries.Count == 0)
        {
            _issues.Add(new SourceIssue(SourceIssueKind.NotAnArchive, "", file.Length == 0 ? "not a tar archive (the file is empty)" : "not a tar archive (no members)"));
        }
    }

    private LayoutEntry? Describe(TarEntry member, int ordinal)
    {
        var raw = member.Name;
        var kind = member.EntryType switch
        {
            TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => EntryKind.File,
            TarEntryType.Directory => EntryKind.Directory,
            TarEntryType.SymbolicLink => EntryKind.Symlink,
            TarEntryType.HardLink => EntryKind.HardLink,
            TarEntryType.GlobalExtendedAttributes => (EntryKind?)null,
            _ => EntryKind.Other,
        };
        if (kind is null)
        {
            return null;
        }

        var path = Normalize(raw, out var unsafeReason);
        if (unsafeReason is not null)
        {
            _issues.Add(new SourceIssue(SourceIssueKind.UnsafeMember, raw, unsafeReason));
            return null;
        }

        if (path.Length == 0)
        {
            return null; // "./" itself
        }

        if (kind == EntryKind.Other)
        {
            _issues.Add(new SourceIssue(SourceIssueKind.UnsafeMember, raw, $"is a {member.EntryType} entry (device, FIFO or unknown type)"));
        }

        if (kind is EntryKind.Symlink or EntryKind.HardLink && Escapes(path, member.LinkName, kind == EntryKind.HardLink))
        {
            _issues.Add(new SourceIssue(SourceIssueKind.UnsafeMember, raw, $"links outside the archive root (-> {member.LinkName})"));
        }

        return new LayoutEntry(path, kind.Value, kind == EntryKind.File ? member.Length : 0)
        {
            LinkTarget = string.IsNullOrEmpty(member.LinkName) ? null : member.LinkName,
            RawName = raw,
            Ordinal = ordinal,
        };
    }

    private void Register(LayoutEntry entry)
    {
        var path = entry.Path;
        if (_byPath.TryGetValue(path, out var previous) && !(previous.Kind == EntryKind.Directory && entry.Kind == EntryKind.Directory))
        {
            if (previous.IsFile && entry.IsFile)
            {
                _duplicateFiles.Add((_issues.Count, previous, entry));
            }

            _issues.Add(new SourceIssue(SourceIssueKind.DuplicatePath, path, $"appears more than once (members {previous.Ordinal + 1} and {entry.Ordinal + 1}); tar keeps the last"));
        }

        _entries.Add(entry);
        _byPath[path] = entry;
    }

    /// <summary>Marks duplicates whose copies have the same bytes: same length first, then compared in place (plain tar) or hashed in one more pass (compressed).</summary>
    private void CompareDuplicateFiles()
    {
        var candidates = _duplicateFiles.Where(d => d.First.Length == d.Second.Length).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        try
        {
            var hashes = Kind == SourceKind.CompressedTar ? HashMembers(candidates.SelectMany(d => new[] { d.First.Ordinal, d.Second.Ordinal }).ToHashSet()) : null;
            foreach (var (issue, first, second) in candidates)
            {
                var same = hashes is null
                    ? SameBytes(_dataOffsets[first], _dataOffsets[second], first.Length)
                    : hashes.TryGetValue(first.Ordinal, out var a) && hashes.TryGetValue(second.Ordinal, out var b) && a == b;
                if (same)
                {
                    var detail = _issues[issue].Detail.Replace("; tar keeps the last", " with identical bytes", StringComparison.Ordinal);
                    _issues[issue] = _issues[issue] with { Kind = SourceIssueKind.DuplicateIdenticalPath, Detail = detail };
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException || IsCorrupt(e))
        {
            // Unreadable copies stay "different": the archive's own problems are reported elsewhere.
        }
    }

    private bool SameBytes(long firstOffset, long secondOffset, long length)
    {
        using var first = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var second = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        first.Seek(firstOffset, SeekOrigin.Begin);
        second.Seek(secondOffset, SeekOrigin.Begin);
        var a = ArrayPool<byte>.Shared.Rent(BlobVerifier.BufferSize);
        var b = ArrayPool<byte>.Shared.Rent(BlobVerifier.BufferSize);
        try
        {
            for (long done = 0; done < length;)
            {
                var chunk = (int)Math.Min(BlobVerifier.BufferSize, length - done);
                first.ReadExactly(a, 0, chunk);
                second.ReadExactly(b, 0, chunk);
                if (!a.AsSpan(0, chunk).SequenceEqual(b.AsSpan(0, chunk)))
                {
                    return false;
                }

                done += chunk;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(a);
            ArrayPool<byte>.Shared.Return(b);
        }
    }

    /// <summary>SHA-256 of the members at these ordinals, in one more decompression pass.</summary>
    private Dictionary<int, string> HashMembers(HashSet<int> ordinals)
    {
        var hashes = new Dictionary<int, string>();
        using var file = File.OpenRead(_file);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var ordinal = 0;
        while (hashes.Count < ordinals.Count && reader.GetNextEntry(copyData: false) is { } member)
        {
            // Ordinals count every member Index read, skipped global headers included.
            var current = ordinal++;
            if (ordinals.Contains(current))
            {
                hashes[current] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(member.DataStream ?? Stream.Null));
            }
        }

        return hashes;
    }

    /// <summary>Strips "./" and trailing "/"; rejects absolute names and ".." components.</summary>
    internal static string Normalize(string raw, out string? unsafeReason)
    {
        unsafeReason = null;
        if (raw.StartsWith('/') || (raw.Length > 1 && raw[1] == ':'))
        {
            unsafeReason = "has an absolute path";
            return raw;
        }

        var parts = new List<string>();
        foreach (var part in raw.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                unsafeReason = "has a \"..\" path component";
                return raw;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static bool Escapes(string path, string linkName, bool hardLink)
    {
        if (string.IsNullOrEmpty(linkName) || linkName.StartsWith('/'))
        {
            return !string.IsNullOrEmpty(linkName);
        }

        // Hard link names are relative to the archive root, symlink targets to the link's own folder.
        var depth = hardLink ? 0 : path.Count(c => c == '/');
        foreach (var part in linkName.Split('/'))
        {
            if (part == "..")
            {
                depth--;
                if (depth < 0)
                {
                    return true;
                }
            }
            else if (part.Length > 0 && part != ".")
            {
                depth++;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads one member of a compressed tar during the indexing pass: kept in memory when small (JSON documents
    /// are read again later), hashed when it is a blob, otherwise read through and counted.
    /// </summary>
    private void Consume(LayoutEntry entry, Stream data)
    {
        var keep = entry.Length <= InMemoryLimit && _inMemory + entry.Length <= InMemoryBudget;
        var parts = entry.Path.Split('/');
        var algorithms = _hashBlobs && parts.Length == 3 && parts[0] == "blobs" ? Digests.AlgorithmsFor(parts[1], parts[2]) : [];
        if (keep)
        {
            var bytes = new byte[entry.Length];
            data.ReadExactly(bytes);
            _contents[entry] = bytes;
            _inMemory += bytes.Length;
            foreach (var algorithm in algorithms)
            {
                _digests[(entry, algorithm)] = Digests.Compute(algorithm, bytes);
            }

            return;
        }

        // Read through even when nothing is hashed (skipping would decompress it all the same): the tar reader
        // takes a stream that ends inside a member's data for the end of the archive.
        var hashes = algorithms.Select(Digests.CreateHash).ToArray();
        var buffer = ArrayPool<byte>.Shared.Rent(BlobVerifier.BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = data.Read(buffer, 0, BlobVerifier.BufferSize)) > 0)
            {
                foreach (var hash in hashes)
                {
                    hash.AppendData(buffer, 0, read);
                }

                total += read;
            }

            if (total != entry.Length)
            {
                throw new EndOfStreamException($"member {entry.RawName} is cut short");
            }

            for (var i = 0; i < hashes.Length; i++)
            {
                _digests[(entry, algorithms[i])] = Digests.Format(algorithms[i], hashes[i].GetHashAndReset());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            foreach (var hash in hashes)
            {
                hash.Dispose();
            }
        }
    }

    /// <summary>Decompresses again up to one member and streams it (never buffered whole: it may be a large layer).</summary>
    private Stream ReStream(LayoutEntry wanted)
    {
        var file = File.OpenRead(_file);
        var gzip = new GZipStream(file, CompressionMode.Decompress);
        var reader = new TarReader(gzip);
        try
        {
            var ordinal = 0;
            while (reader.GetNextEntry(copyData: false) is { } member)
            {
                if (ordinal++ == wanted.Ordinal && member.DataStream is { } data)
                {
                    return new OwningStream(data, wanted, reader, gzip, file);
                }
            }
        }
        catch (Exception e)
        {
            reader.Dispose();
            gzip.Dispose();
            file.Dispose();
            if (IsCorrupt(e))
            {
                throw Corrupt(wanted, e);
            }

            throw;
        }

        reader.Dispose();
        gzip.Dispose();
        file.Dispose();
        throw new IOException($"{wanted.Path} is no longer in {_file} (the archive changed while it was read)");
    }

    /// <summary>
    /// The decompressor's complaints (its chunking differs from the indexing pass's, so a corrupt block can surface
    /// at another member) become the <see cref="IOException"/> that readers of a source report as unreadable.
    /// </summary>
    private static IOException Corrupt(LayoutEntry entry, Exception e) =>
        new($"the gzip stream is corrupt before the end of {entry.Path} (invalid deflate data or CRC-32 mismatch)", e);

    /// <summary>
    /// .NET's GZipStream ends quietly when the compressed data stops before the trailer, so the file's last eight
    /// bytes must be the trailer of what was decoded: its length mod 2^32 (one gzip member), or else the length
    /// and CRC-32 of a last member ending the decoded data (several members, as bgzip and pigz --independent write).
    /// </summary>
    private string? MissingTrailer(Stream file, long decoded)
    {
        const string Detail = "the gzip stream does not end with the trailer (CRC-32 and length) of the data it holds: it is cut short or has bytes after it, and GNU tar fails (\"unexpected end of file\" or \"trailing garbage\")";
        if (file.Length < 18)
        {
            return Detail;
        }

        Span<byte> trailer = stackalloc byte[8];
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(trailer);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (length == (uint)decoded)
        {
            return null;
        }

        if (length > decoded)
        {
            return Detail;
        }

        // One more pass, only for multi-member (or damaged) gzip: the CRC-32 of the last `length` decoded bytes.
        try
        {
            using var again = new GZipStream(File.OpenRead(_file), CompressionMode.Decompress);
            var buffer = ArrayPool<byte>.Shared.Rent(BlobVerifier.BufferSize);
            try
            {
                var skip = decoded - length;
                var last = new Crc32();
                int read;
                while ((read = again.Read(buffer, 0, BlobVerifier.BufferSize)) > 0)
                {
                    var from = (int)Math.Clamp(skip, 0, read);
                    last.Append(buffer.AsSpan(from, read - from));
                    skip -= from;
                }

                return last.GetCurrentHashAsUInt32() == crc ? null : Detail;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException || IsCorrupt(e))
        {
            return Detail;
        }
    }

    // .NET words every deflate or CRC failure as "unsupported compression method"; say what it means.
    private static string Explain(Exception e) =>
        e is InvalidDataException && e.InnerException is null && e.Message.Contains("compression method", StringComparison.Ordinal)
            ? "invalid deflate data or CRC-32 mismatch"
            : e.Message.TrimEnd('.');

    // What System.Formats.Tar and the decompressor throw on malformed input: besides InvalidDataException, absurd
    // PAX sizes overflow, oversized metadata headers are "invalid operations" and GNU sparse files "not supported".
    private static bool IsCorrupt(Exception e) =>
        e is InvalidDataException or EndOfStreamException or FormatException or OverflowException or ArgumentException or InvalidOperationException or NotSupportedException;

    /// <summary>A member's data stream that also disposes the reader, decompressor and file behind it.</summary>
    private sealed class OwningStream(Stream data, LayoutEntry entry, params IDisposable[] owners) : ReadOnlyStream
    {
        public override long Length => entry.Length;

        private long _position;

        public override long Position => _position;

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = data.Read(buffer);
            }
            catch (Exception e) when (IsCorrupt(e))
            {
                throw Corrupt(entry, e);
            }

            if (read == 0 && buffer.Length > 0 && _position < entry.Length)
            {
                throw new IOException($"the gzip stream ends inside {entry.Path} ({_position} of {entry.Length} bytes)");
            }

            _position += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var owner in owners)
                {
                    owner.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }
}
