namespace OciLint.Core.Json;

public enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value that remembers where it was: byte offsets into the source and its JSON Pointer.
/// Objects keep every member in source order, duplicates included, so rules can see what a
/// last-wins parser (every Go tool) would silently hide.
/// </summary>
public sealed class JsonNode
{
    private readonly JsonNode? _parent;
    private readonly string? _name;
    private readonly int _index;
    private string? _pointer;

    internal JsonNode(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
        _pointer = "";
    }

    /// <summary>A member value (name) or an array item (index) of <paramref name="parent"/>.</summary>
    internal JsonNode(JsonKind kind, int start, JsonNode parent, string? name, int index)
    {
        Kind = kind;
        Start = start;
        _parent = parent;
        _name = name;
        _index = index;
    }

    public JsonKind Kind { get; }

    /// <summary>RFC 6901 JSON Pointer of this value ("" for the root).</summary>
    /// <remarks>Built on first use: a 50,000-entry index.json has ~10^6 values, and rules ask for few pointers.</remarks>
    public string Pointer => _pointer ??= _name is not null ? JsonPointer.Append(_parent!.Pointer, _name) : JsonPointer.Append(_parent!.Pointer, _index);

    /// <summary>Byte offset of the first byte of the value.</summary>
    public int Start { get; }

    /// <summary>Byte offset just past the value.</summary>
    public int End { get; internal set; }

    /// <summary>The decoded string for strings; the raw number text for numbers.</summary>
    public string? Text { get; internal set; }

    public NodeList<JsonMember> Members => new(_members);

    public NodeList<JsonNode> Items => new(_items);

    // Exact-size arrays, set when the parser closes the container: a List per object was 32 bytes more each, plus
    // its spare capacity, for ~10^5 objects in a big index.
    internal JsonMember[]? _members;
    internal JsonNode[]? _items;

    public bool IsObject => Kind == JsonKind.Object;

    public bool IsArray => Kind == JsonKind.Array;

    public bool IsString => Kind == JsonKind.String;

    public bool IsNull => Kind == JsonKind.Null;

    /// <summary>The first member with exactly this (case-sensitive) name, or null.</summary>
    public JsonNode? Get(string name)
    {
        if (_members is null)
        {
            return null;
        }

        foreach (var member in _members)
        {
            if (member.Name == name)
            {
                return member.Value;
            }
        }

        return null;
    }

    public string? GetString(string name) => Get(name) is { Kind: JsonKind.String } n ? n.Text : null;

    /// <summary>The first member with exactly this name whose value is a string, or null: the entry a string map (annotations, labels) keeps for that key.</summary>
    public JsonMember? GetStringMember(string name)
    {
        if (_members is null)
        {
            return null;
        }

        foreach (var member in _members)
        {
            if (member.Value.Kind == JsonKind.String && member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    public bool TryGetInt64(out long value)
    {
        value = 0;
        return Kind == JsonKind.Number && long.TryParse(Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public override string ToString() => $"{Kind} at {(Pointer.Length == 0 ? "/" : Pointer)}";
}

/// <summary>
/// The members or items of a node. A struct with a struct enumerator, so that the tree walks of many rules
/// over a 10^6-node document allocate nothing per node (an interface enumerator is one allocation per loop).
/// </summary>
public readonly struct NodeList<T> : IReadOnlyList<T>
{
    private readonly T[]? _array;

    internal NodeList(T[]? array) => _array = array;

    public int Count => _array?.Length ?? 0;

    public T this[int index] => (_array ?? [])[index];

    public Enumerator GetEnumerator() => new(_array ?? []);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_array ?? [])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => (_array ?? []).GetEnumerator();

    public struct Enumerator(T[] array)
    {
        private int _index = -1;

        public readonly T Current => array[_index];

        public bool MoveNext() => ++_index < array.Length;
    }
}

/// <summary>An object member: its name, where the name is, and its value.</summary>
public sealed record JsonMember(string Name, int NameStart, JsonNode Value);

public static class JsonPointer
{
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Splits a pointer into unescaped tokens.</summary>
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }
}
