using OciLint.Core.Findings;
using OciLint.Core.Json;

namespace OciLint.Core.Model;

public enum DocumentKind
{
    OciLayout,
    IndexJson,
    Index,
    Manifest,
    Config,
}

/// <summary>A parsed JSON file of the layout: oci-layout, index.json, or a blob parsed by its declared media type.</summary>
public sealed class JsonDocumentModel
{
    private LineMap? _lines;
    private readonly Lock _gate = new();
    private Dictionary<string, JsonNode>? _byPointer;
    private Dictionary<Type, object>? _cache;

    /// <param name="threads">Threads the parser may use: a big document (a 50,000-entry index.json) is parsed on two.</param>
    public JsonDocumentModel(DocumentKind kind, string file, byte[] bytes, string? digest, DescriptorModel? parent, int threads = 1)
    {
        Kind = kind;
        File = file;
        Bytes = bytes;
        Digest = digest;
        Parent = parent;
        var result = JsonParser.Parse(bytes, threads);
        Root = result.Root;
        Problems = result.Problems;
        Numbers = result.Numbers;
    }

    public DocumentKind Kind { get; }

    // Built on first use: most documents of a clean layout are never asked for a position. Two threads may both
    // build it; either result is the same immutable map.
    private LineMap Lines => _lines ??= new LineMap(Bytes);

    /// <summary>Layout-relative path.</summary>
    public string File { get; }

    /// <summary>The raw bytes as read (kept for fixes, which edit byte ranges of the original).</summary>
    public byte[] Bytes { get; }

    /// <summary>The blob digest for documents that are blobs; null for oci-layout and index.json.</summary>
    public string? Digest { get; }

    /// <summary>The descriptor this document was reached through; null for oci-layout and index.json.</summary>
    public DescriptorModel? Parent { get; }

    /// <summary>The media type the parent declared (or the implied one for index.json).</summary>
    public string? DeclaredMediaType => Parent?.MediaType ?? (Kind == DocumentKind.IndexJson ? MediaTypes.ImageIndex : null);

    /// <summary>Null when the document is not parseable JSON (see <see cref="Problems"/>).</summary>
    public JsonNode? Root { get; }

    public IReadOnlyList<JsonProblem> Problems { get; }

    /// <summary>Every number value of the document, in document order.</summary>
    public IReadOnlyList<JsonNode> Numbers { get; }

    /// <summary>Descriptors found in this document, in document order.</summary>
    public List<DescriptorModel> Descriptors { get; } = [];

    public bool IsIndexLike => Kind is DocumentKind.IndexJson or DocumentKind.Index;

    /// <summary>How many <c>manifests</c> entries are descriptors (counted once: rules ask per descriptor).</summary>
    /// <remarks>An int with a sentinel, not an int?: rules on several threads may both count, and an int is written whole.</remarks>
    public int IndexEntryCount => _indexEntryCount >= 0 ? _indexEntryCount : _indexEntryCount = Descriptors.Count(d => d.Role == DescriptorRole.IndexEntry);

    private int _indexEntryCount = -1;

    public JsonNode? NodeAt(string pointer) => ByPointer.GetValueOrDefault(pointer);

    // Built on first use: most runs never look a node up by pointer, and a big index has ~10^6 of them.
    private Dictionary<string, JsonNode> ByPointer
    {
        get
        {
            lock (_gate)
            {
                return _byPointer ??= IndexPointers(Root);
            }
        }
    }

    public (int Line, int Column) Position(int offset) => Lines.Position(offset);

    public Location FileLocation() => new(File);

    public Location LocationOf(JsonNode node)
    {
        var (line, column) = Lines.Position(node.Start);
        var (endLine, endColumn) = Lines.Position(node.End);
        return new Location(File, node.Pointer, line, column, endLine, endColumn);
    }

    /// <summary>Location of a member's name (for "duplicate member" and similar findings).</summary>
    public Location LocationOfName(JsonMember member)
    {
        var (line, column) = Lines.Position(member.NameStart);
        var (endLine, endColumn) = Lines.Position(member.Value.End);
        return new Location(File, member.Value.Pointer, line, column, endLine, endColumn);
    }

    public Location LocationOfOffset(int offset, string? pointer = null)
    {
        var (line, column) = Lines.Position(offset);
        return new Location(File, pointer, line, column, line, column);
    }

    /// <summary>For a pointer that may not exist: the region of the nearest existing ancestor, but the pointer asked for.</summary>
    public Location LocationOfPointer(string pointer)
    {
        var probe = pointer;
        while (true)
        {
            if (ByPointer.TryGetValue(probe, out var node))
            {
                return LocationOf(node) with { Pointer = pointer };
            }

            if (probe.Length == 0)
            {
                return new Location(File, pointer);
            }

            probe = probe[..probe.LastIndexOf('/')];
        }
    }

    /// <summary>The descriptor chain from index.json down to this document, outermost first.</summary>
    public IReadOnlyList<Location> Chain()
    {
        var chain = new List<Location>();
        for (var d = Parent; d is not null; d = d.Owner.Parent)
        {
            chain.Add(d.Location);
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>Per-document memo for derived facts (e.g. schema results) shared by several rules.</summary>
    public T GetOrAdd<T>(Func<JsonDocumentModel, T> factory)
        where T : class
    {
        lock (_gate)
        {
            _cache ??= [];
            if (!_cache.TryGetValue(typeof(T), out var value))
            {
                value = factory(this);
                _cache[typeof(T)] = value;
            }

            return (T)value;
        }
    }

    private static Dictionary<string, JsonNode> IndexPointers(JsonNode? root)
    {
        var byPointer = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var stack = new Stack<JsonNode>();
        if (root is not null)
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            byPointer.TryAdd(node.Pointer, node);
            foreach (var member in node.Members)
            {
                stack.Push(member.Value);
            }

            foreach (var item in node.Items)
            {
                stack.Push(item);
            }
        }

        return byPointer;
    }
}
