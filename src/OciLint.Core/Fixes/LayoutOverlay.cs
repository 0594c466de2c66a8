using System.Buffers;
using System.Security.Cryptography;
using OciLint.Core.Layout;

namespace OciLint.Core.Fixes;

/// <summary>
/// A layout as it would be after some fixes: the original source with index.json/oci-layout replaced or
/// created and folders added, all in memory. Fix passes, --diff and --dry-run lint this, so nothing is
/// written until every pass is done, and never for --diff or --dry-run.
/// </summary>
public sealed class LayoutOverlay : ILayoutSource
{
    private readonly ILayoutSource _inner;
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<string> _directories = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, string Algorithm), string?> _digests = new();
    private List<LayoutEntry> _entries;
    private Dictionary<string, LayoutEntry> _byPath;

    public LayoutOverlay(ILayoutSource inner)
    {
        _inner = inner;
        _entries = [.. inner.Entries];
        _byPath = _entries.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => inner.Find(g.Key) ?? g.Last(), StringComparer.Ordinal);
    }

    public string Target => _inner.Target;

    public SourceKind Kind => _inner.Kind;

    public IReadOnlyList<LayoutEntry> Entries => _entries;

    public IReadOnlyList<SourceIssue> Issues => _inner.Issues;

    /// <summary>Files replaced or created so far, with their new content.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Folders created so far.</summary>
    public IReadOnlyList<string> Directories => _directories;

    public LayoutEntry? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>What a fix pass sees of a file: absent, not a regular file, or its current bytes.</summary>
    public FileState State(string path)
    {
        if (_byPath.GetValueOrDefault(path) is not { } entry)
        {
            return FileState.Absent;
        }

        if (!entry.IsFile)
        {
            return FileState.Other;
        }

        using var stream = OpenRead(entry);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FileState.Of(buffer.ToArray());
    }

    /// <summary>The original bytes of a file, before any pass (null when it did not exist or is not a file).</summary>
    public byte[]? Original(string path)
    {
        if (_inner.Find(path) is not { IsFile: true } entry)
        {
            return null;
        }

        using var stream = _inner.OpenRead(entry);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public void Apply(FixPassResult pass)
    {
        foreach (var directory in pass.CreatedDirectories)
        {
            if (!_byPath.ContainsKey(directory))
            {
                _directories.Add(directory);
                Put(new LayoutEntry(directory, EntryKind.Directory, 0) { RawName = directory + "/" });
            }
        }

        foreach (var (path, content) in pass.Files)
        {
            _files[path] = content;
            var entry = _byPath.GetValueOrDefault(path) is { } existing
                ? existing with { Length = content.Length }
                : new LayoutEntry(path, EntryKind.File, content.Length) { RawName = path };
            Put(entry);
        }
    }

    public Stream OpenRead(LayoutEntry entry)
    {
        if (_files.TryGetValue(entry.Path, out var content) && entry.IsFile)
        {
            return new MemoryStream(content, writable: false);
        }

        return _inner.OpenRead(entry);
    }

    /// <summary>
    /// Blobs are never replaced, so a digest computed once holds for every pass: each pass lints the whole
    /// layout again, and this keeps it from hashing every blob again.
    /// </summary>
    public string? KnownDigest(LayoutEntry entry, string algorithm)
    {
        if (_files.ContainsKey(entry.Path) || !entry.IsFile)
        {
            return null;
        }

        return _inner.KnownDigest(entry, algorithm) ?? _digests.GetOrAdd((entry.Path, algorithm), key => Hash(entry, key.Algorithm));
    }

    public void Dispose()
    {
        // The inner source belongs to whoever opened it.
    }

    private string? Hash(LayoutEntry entry, string algorithm)
    {
        var name = algorithm switch
        {
            "sha256" => HashAlgorithmName.SHA256,
            "sha384" => HashAlgorithmName.SHA384,
            "sha512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (name == default)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(name);
        using var stream = _inner.OpenRead(entry);
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return algorithm + ":" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void Put(LayoutEntry entry)
    {
        var index = _entries.FindIndex(e => e.Path == entry.Path && ReferenceEquals(e, _byPath.GetValueOrDefault(entry.Path)));
        if (index >= 0)
        {
            _entries = [.. _entries];
            _entries[index] = entry;
        }
        else
        {
            _entries = [.. _entries, entry];
        }

        _byPath = new Dictionary<string, LayoutEntry>(_byPath, StringComparer.Ordinal) { [entry.Path] = entry };
    }
}
