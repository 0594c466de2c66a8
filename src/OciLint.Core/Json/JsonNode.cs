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

    // An item's index in its array, or a member's name offset: a node is one or the other. Members are their value
    // nodes (see JsonMember): a separate member object was 40 bytes more for each of ~4*10^5 members of a big index.
    private int _slot;
    private string? _pointer;

    internal JsonNode(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
        _pointer = "";
    }

    /// <summary>
    /// A member value of <paramref name="parent"/> (<paramref name="name"/>, and <paramref name="slot"/> the offset of the
    /// name) or an array item (no name, and <paramref name="slot"/> its index).
    /// </summary>
    internal JsonNode(JsonKind kind, int start, JsonNode parent, string? name, int slot)
    {
        Kind = kind;
        Start = start;
        _parent = parent;
        _name = name;
        _slot = slot;
    }

    /// <summary>The member this node is the value of: only for a node whose parent is an object.</summary>
    internal JsonMember AsMember => new(_name!, _slot, this);

    internal string? MemberName => _name;

    /// <summary>For an array item parsed apart from the items before it (JsonParser): its index, once they are counted.</summary>
    internal void ShiftSlot(int by) => _slot += by;

    /// <summary>The member whose value this is, or null when the parent is an array or there is none.</summary>
    public JsonMember? Member => _name is null ? null : AsMember;

    public JsonKind Kind { get; }

    /// <summary>RFC 6901 JSON Pointer of this value ("" for the root).</summary>
    /// <remarks>Built on first use: a 50,000-entry index.json has ~10^6 values, and rules ask for few pointers.</remarks>
    public string Pointer => _pointer ??= _name is not null ? JsonPointer.Append(_parent!.Pointer, _name) : JsonPointer.Append(_parent!.Pointer, _slot);

    /// <summary>Byte offset of the first byte of the value.</summary>
    public int Start { get; }

    /// <summary>Byte offset just past the value.</summary>
    public int End { get; internal set; }

    /// <summary>The decoded string for strings; the raw number text for numbers.</summary>
    public string? Text { get; internal set; }

    public MemberList Members => new(_members);

    public NodeList<JsonNode> Items => new(_items);

    // Exact-size arrays, set when the parser closes the container: a List per object was 32 bytes more each, plus
    // its spare capacity, for ~10^5 objects in a big index.
    internal JsonNode[]? _members;
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

        foreach (var value in _members)
        {
            if (value._name == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Whether a member has this name under <paramref name="comparison"/> (a loop: LINQ's Any boxed the member list and allocated an enumerator and a delegate per call).</summary>
    public bool HasMember(string name, StringComparison comparison)
    {
        foreach (var value in _members ?? [])
        {
            if (string.Equals(value._name, name, comparison))
            {
                return true;
            }
        }

        return false;
    }

    public string? GetString(string name) => Get(name) is { Kind: JsonKind.String } n ? n.Text : null;

    /// <summary>The first member with exactly this name whose value is a string, or null: the entry a string map (annotations, labels) keeps for that key.</summary>
    public JsonMember? GetStringMember(string name)
    {
        if (_members is null)
        {
            return null;
        }

        foreach (var value in _members)
        {
            if (value.Kind == JsonKind.String && value._name == name)
            {
                return value.AsMember;
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

/// <summary>
/// The members of an object, made on the fly from its value nodes (which know their names). A struct with a struct
/// enumerator, like <see cref="NodeList{T}"/>.
/// </summary>
public readonly struct MemberList : IReadOnlyList<JsonMember>
{
    private readonly JsonNode[]? _values;

    internal MemberList(JsonNode[]? values) => _values = values;

    public int Count => _values?.Length ?? 0;

    public JsonMember this[int index] => (_values ?? [])[index].AsMember;

    public Enumerator GetEnumerator() => new(_values ?? []);

    // For LINQ: one small object, as an array's enumerator was.
    IEnumerator<JsonMember> IEnumerable<JsonMember>.GetEnumerator() => new Boxed(_values ?? []);

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => new Boxed(_values ?? []);

    public struct Enumerator(JsonNode[] values)
    {
        private int _index = -1;

        public readonly JsonMember Current => values[_index].AsMember;

        public bool MoveNext() => ++_index < values.Length;
    }

    private sealed class Boxed(JsonNode[] values) : IEnumerator<JsonMember>
    {
        private int _index = -1;

        public JsonMember Current => values[_index].AsMember;

        object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < values.Length;

        public void Reset() => _index = -1;

        public void Dispose()
        {
        }
    }
}

/// <summary>An object member: its name, where the name is, and its value.</summary>
public readonly record struct JsonMember(string Name, int NameStart, JsonNode Value);

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
