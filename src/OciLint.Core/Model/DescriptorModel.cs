using OciLint.Core.Findings;
using OciLint.Core.Json;

namespace OciLint.Core.Model;

public enum DescriptorRole
{
    /// <summary>An entry of <c>manifests</c> in index.json or a nested index.</summary>
    IndexEntry,
    Config,
    Layer,
    Subject,
}

/// <summary>A descriptor object inside a document, with its fields read leniently (wrong types read as null).</summary>
public sealed class DescriptorModel
{
    internal DescriptorModel(JsonDocumentModel owner, JsonNode node, DescriptorRole role, int position)
    {
        Owner = owner;
        Node = node;
        Role = role;
        Position = position;
        MediaType = node.GetString("mediaType");
        Digest = node.GetString("digest");
        Size = node.Get("size") is { } size && size.TryGetInt64(out var s) ? s : null;
        ArtifactType = node.GetString("artifactType");
    }

    private static readonly IReadOnlyDictionary<string, string> NoAnnotations = new Dictionary<string, string>();

    // One field, so that a thread never sees "read" without the value; compared by reference.
    private static readonly string Unread = new('?', 1);
    private Location? _location;
    private IReadOnlyDictionary<string, string>? _annotations;
    private string? _refName = Unread;

    public JsonDocumentModel Owner { get; }

    public JsonNode Node { get; }

    public DescriptorRole Role { get; }

    /// <summary>Index in its array (manifests[i], layers[i]); 0 for config and subject.</summary>
    public int Position { get; }

    public string? MediaType { get; }

    public string? Digest { get; }

    public long? Size { get; }

    public string? ArtifactType { get; }

    /// <summary>The string-valued annotations (the first of repeated keys), built on first use; <see cref="Annotation"/> reads one without building it.</summary>
    public IReadOnlyDictionary<string, string> Annotations => _annotations ??= ReadAnnotations(Node);

    /// <summary>The value of one annotation, as <see cref="Annotations"/> has it.</summary>
    public string? Annotation(string key) => AnnotationMember(key)?.Value.Text;

    /// <summary>The member that holds one annotation (its value is <see cref="Annotation"/>), for findings that point at it.</summary>
    public JsonMember? AnnotationMember(string key) => Node.Get("annotations")?.GetStringMember(key);

    public string? RefName => ReferenceEquals(_refName, Unread) ? _refName = Annotation(MediaTypes.RefNameAnnotation) : _refName;

    /// <summary>Where the descriptor is; computed on first use (line and column cost a scan of the document).</summary>
    public Location Location => _location ??= Owner.LocationOf(Node);

    public string Pointer => Node.Pointer;

    /// <summary>The document this descriptor points at, when it was parsed.</summary>
    public JsonDocumentModel? Target { get; internal set; }

    public bool InIndexJson => Owner.Kind == DocumentKind.IndexJson && Role == DescriptorRole.IndexEntry;

    public override string ToString() => $"{Owner.File}#{Pointer}";

    private static IReadOnlyDictionary<string, string> ReadAnnotations(JsonNode node)
    {
        if (node.Get("annotations") is not { IsObject: true, Members.Count: > 0 } map)
        {
            return NoAnnotations;
        }

        var annotations = new Dictionary<string, string>(map.Members.Count, StringComparer.Ordinal);
        foreach (var member in map.Members)
        {
            if (member.Value.IsString)
            {
                annotations.TryAdd(member.Name, member.Value.Text!);
            }
        }

        return annotations;
    }
}
