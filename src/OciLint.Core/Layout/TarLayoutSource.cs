using System.Formats.Tar;
using System.IO.Compression;

namespace OciLint.Core.Layout;

/// <summary>
/// A layout inside a tar (plain or gzip), read in place. A plain tar is indexed once and members are read
/// at their data offsets; a compressed one is streamed once, keeping small members (the JSON documents)
/// in memory, and re-streamed only to read a large member. Nothing is ever written to disk.
/// </summary>
public sealed class TarLayoutSource : ILayoutSource
{
    // Members up to this size are kept in memory when the archive cannot seek (manifests are capped at 4 MiB by the spec's guidance).
    private const long InMemoryLimit = 8 * 1024 * 1024;

    private readonly string _file;
    private readonly List<LayoutEntry> _entries = [];
    private readonly Dictionary<string, LayoutEntry> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<LayoutEntry, long> _dataOffsets = [];
    private readonly Dictionary<LayoutEntry, byte[]> _contents = [];
    private readonly List<SourceIssue> _issues = [];

    private TarLayoutSource(string file, SourceKind kind)
    {
        _file = file;
        Target = file;
        Kind = kind;
    }

    public string Target { get; }

    public SourceKind Kind { get; }

    public IReadOnlyList<LayoutEntry> Entries => _entries;

    public IReadOnlyList<SourceIssue> Issues => _issues;

    public static TarLayoutSource Open(string file)
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
            var source = new TarLayoutSource(file, gzip ? SourceKind.CompressedTar : SourceKind.Tar);
            source.Index(stream);
            return source;
        }
    }

    public LayoutEntry? Find(string path) => _byPath.GetValueOrDefault(path);

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
        using var reader = new TarReader(archive, leaveOpen: true);
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

                if (!seekable && member.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile && member.Length <= InMemoryLimit)
                {
                    var entry = Add(member, ordinal);
                    if (entry is not null && member.DataStream is { } data)
                    {
                        using var buffer = new MemoryStream((int)member.Length);
                        data.CopyTo(buffer);
                        if (buffer.Length != member.Length)
                        {
                            throw new EndOfStreamException($"member {member.Name} is cut short");
                        }

                        _contents[entry] = buffer.ToArray();
                    }
                }
                else
                {
                    var entry = Add(member, ordinal);
                    if (entry is not null && seekable)
                    {
                        if (member.DataOffset < 0 || member.DataOffset + member.Length > file.Length)
                        {
                            throw new EndOfStreamException($"member {member.Name} extends past the end of the archive");
                        }

                        _dataOffsets[entry] = member.DataOffset;
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or IOException or ArgumentException)
            {
                var kind = ordinal == 0 ? SourceIssueKind.NotAnArchive : SourceIssueKind.Truncated;
                var detail = ordinal == 0
                    ? $"not a tar archive{(Kind == SourceKind.CompressedTar ? " inside the gzip stream" : "")} ({e.Message.TrimEnd('.')})"
                    : $"the archive is truncated or corrupt after {ordinal} member(s) ({e.Message.TrimEnd('.')})";
                _issues.Add(new SourceIssue(kind, "", detail));
                break;
            }

            ordinal++;
        }

        if (ordinal == 0 && _issues.Count == 0 && file.Length > 0 && _entries.Count == 0)
        {
            _issues.Add(new SourceIssue(SourceIssueKind.NotAnArchive, "", "not a tar archive (no members)"));
        }
    }

    private LayoutEntry? Add(TarEntry member, int ordinal)
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

        var entry = new LayoutEntry(path, kind.Value, kind == EntryKind.File ? member.Length : 0)
        {
            LinkTarget = string.IsNullOrEmpty(member.LinkName) ? null : member.LinkName,
            RawName = raw,
            Ordinal = ordinal,
        };
        if (_byPath.TryGetValue(path, out var previous) && !(previous.Kind == EntryKind.Directory && kind == EntryKind.Directory))
        {
            _issues.Add(new SourceIssue(SourceIssueKind.DuplicatePath, path, $"appears more than once (members {previous.Ordinal + 1} and {ordinal + 1}); tar keeps the last"));
        }

        _entries.Add(entry);
        _byPath[path] = entry;
        return entry;
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

    private MemoryStream ReStream(LayoutEntry wanted)
    {
        using var file = File.OpenRead(_file);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var ordinal = 0;
        while (reader.GetNextEntry(copyData: false) is { } member)
        {
            if (ordinal++ == wanted.Ordinal && member.DataStream is { } data)
            {
                // Large members of a compressed tar: callers hash them, so hand back a copy they can stream.
                var copy = new MemoryStream();
                data.CopyTo(copy);
                copy.Position = 0;
                return copy;
            }
        }

        throw new InvalidOperationException($"{wanted.Path} vanished from {_file}");
    }
}
