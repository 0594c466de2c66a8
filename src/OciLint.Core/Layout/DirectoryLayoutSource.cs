namespace OciLint.Core.Layout;

/// <summary>A layout in a folder. Symlinks are recorded, never followed.</summary>
public sealed class DirectoryLayoutSource : ILayoutSource
{
    // A layout has blobs/<alg>/<hex>: anything deeper is stray, and we stop descending there.
    private const int MaxDepth = 6;
    private const int MaxEntries = 2_000_000;

    private readonly string _root;
    private readonly List<LayoutEntry> _entries = [];
    private readonly Dictionary<string, LayoutEntry> _byPath = new(StringComparer.Ordinal);
    private readonly List<SourceIssue> _issues = [];

    public DirectoryLayoutSource(string root)
    {
        Target = root;
        _root = Path.GetFullPath(root);
        try
        {
            Walk(new DirectoryInfo(_root), "", 0);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new TargetException($"{root}: permission denied", e);
        }
    }

    public string Target { get; }

    public SourceKind Kind => SourceKind.Directory;

    public IReadOnlyList<LayoutEntry> Entries => _entries;

    public IReadOnlyList<SourceIssue> Issues => _issues;

    public LayoutEntry? Find(string path) => _byPath.GetValueOrDefault(path);

    public Stream OpenRead(LayoutEntry entry)
    {
        if (!entry.IsFile || !_byPath.TryGetValue(entry.Path, out var known) || !ReferenceEquals(known, entry))
        {
            throw new InvalidOperationException($"{entry.Path} is not a regular file of this layout");
        }

        return new FileStream(Path.Combine(_root, entry.Path), new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = 0,
            Options = FileOptions.SequentialScan,
        });
    }

    public void Dispose()
    {
    }

    private void Walk(DirectoryInfo directory, string prefix, int depth)
    {
        IEnumerable<FileSystemInfo> children;
        try
        {
            children = directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException && prefix.Length > 0)
        {
            _issues.Add(new SourceIssue(SourceIssueKind.Unreadable, prefix.TrimEnd('/'), e.Message));
            return;
        }

        foreach (var info in children)
        {
            if (_entries.Count >= MaxEntries)
            {
                _issues.Add(new SourceIssue(SourceIssueKind.Unreadable, prefix, $"more than {MaxEntries} entries; the rest were not read"));
                return;
            }

            var path = prefix + info.Name;
            LayoutEntry entry;
            if (info.LinkTarget is { } link)
            {
                entry = new LayoutEntry(path, EntryKind.Symlink, 0) { LinkTarget = link };
            }
            else if (info is DirectoryInfo)
            {
                entry = new LayoutEntry(path, EntryKind.Directory, 0);
            }
            else if (!IsRegular(info))
            {
                entry = new LayoutEntry(path, EntryKind.Other, 0);
            }
            else
            {
                entry = new LayoutEntry(path, EntryKind.File, ((FileInfo)info).Length);
            }

            _entries.Add(entry);
            _byPath[path] = entry;
            if (entry.Kind == EntryKind.Directory && depth < MaxDepth)
            {
                Walk((DirectoryInfo)info, path + "/", depth + 1);
            }
        }
    }

    // FileSystemInfo reports FIFOs, sockets and devices as files; opening a FIFO would block forever.
    private static bool IsRegular(FileSystemInfo info) => UnixFileType.Of(info.FullName) is UnixFileType.Kind.Regular or UnixFileType.Kind.Unknown;
}
