using System.Text;
using System.Text.Json;

namespace OciLint.Core.Json;

public enum JsonProblemKind
{
    /// <summary>Not parseable JSON (syntax error, too deep, empty).</summary>
    Syntax,

    /// <summary>The bytes are not UTF-8.</summary>
    NotUtf8,

    /// <summary>Starts with a UTF-8 byte order mark.</summary>
    ByteOrderMark,

    /// <summary>An object has the same member name twice.</summary>
    DuplicateMember,
}

/// <summary>A well-formedness problem, at a byte offset (and, for duplicates, the earlier occurrence).</summary>
public sealed record JsonProblem(JsonProblemKind Kind, string Message, int Offset, string? Pointer = null, int? FirstOffset = null);

public sealed record JsonParseResult(JsonNode? Root, IReadOnlyList<JsonProblem> Problems)
{
    /// <summary>Every number value, in document order (rules on numbers need not walk a 10^6-node tree).</summary>
    public IReadOnlyList<JsonNode> Numbers { get; init; } = [];
}

/// <summary>
/// Parses JSON into <see cref="JsonNode"/>s with positions. Iterative (no recursion), so hostile nesting
/// ends as a finding at <see cref="MaxDepth"/>, never as a stack overflow.
/// </summary>
public static class JsonParser
{
    public const int MaxDepth = 512;

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static JsonParseResult Parse(ReadOnlySpan<byte> bytes)
    {
        var problems = new List<JsonProblem>();
        var offset = 0;
        if (bytes.StartsWith(Bom))
        {
            problems.Add(new JsonProblem(JsonProblemKind.ByteOrderMark, "starts with a UTF-8 byte order mark", 0));
            offset = Bom.Length;
        }
        else if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            problems.Add(new JsonProblem(JsonProblemKind.NotUtf8, "is UTF-16 (byte order mark FF FE / FE FF), not UTF-8", 0));
            return new JsonParseResult(null, problems);
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var bad = FirstInvalidUtf8(bytes);
            problems.Add(new JsonProblem(JsonProblemKind.NotUtf8, $"is not valid UTF-8 (first bad byte at offset {bad})", bad));
            return new JsonParseResult(null, problems);
        }

        try
        {
            var numbers = new List<JsonNode>();
            var root = ParseValues(bytes[offset..], offset, problems, numbers);
            return new JsonParseResult(root, problems) { Numbers = numbers };
        }
        catch (JsonException e)
        {
            problems.Add(new JsonProblem(JsonProblemKind.Syntax, Describe(e), OffsetOf(bytes, e, offset)));
            return new JsonParseResult(null, problems);
        }
    }

    private static JsonNode? ParseValues(ReadOnlySpan<byte> span, int baseOffset, List<JsonProblem> problems, List<JsonNode> numbers)
    {
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });

        // The open containers, each with the children read so far; a closed container keeps them as an exact-size array.
        // The scratch lists are reused level by level, so a document allocates a handful of lists, not one per object.
        var open = new List<Open>();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonNode? root = null;
        string? pendingName = null;
        var pendingNameStart = 0;

        try
        {
            while (reader.Read())
            {
                var start = baseOffset + (int)reader.TokenStartIndex;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingName = ReadInterned(ref reader, start, problems, strings) ?? ReadString(ref reader, start, problems);
                    pendingNameStart = start;
                    var parent = open[^1];
                    if (parent.FirstOccurrence(pendingName, start) is { } first)
                    {
                        problems.Add(new JsonProblem(
                            JsonProblemKind.DuplicateMember,
                            $"member \"{pendingName}\" appears more than once",
                            start,
                            JsonPointer.Append(parent.Node.Pointer, pendingName),
                            first));
                    }

                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    var done = open[^1];
                    open.RemoveAt(open.Count - 1);
                    done.Close(baseOffset + (int)reader.BytesConsumed);
                    continue;
                }

                JsonNode node;
                string? name = null;
                if (open.Count == 0)
                {
                    node = new JsonNode(KindOf(reader.TokenType), start);
                }
                else
                {
                    var parent = open[^1];
                    if (parent.Node.Kind == JsonKind.Object)
                    {
                        name = pendingName!;
                        node = new JsonNode(KindOf(reader.TokenType), start, parent.Node, name, pendingNameStart);
                        parent.Members.Add(node);
                    }
                    else
                    {
                        node = new JsonNode(KindOf(reader.TokenType), start, parent.Node, null, parent.Items.Count);
                        parent.Items.Add(node);
                    }
                }

                root ??= node;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (open.Count == Open.Pool.Count)
                        {
                            Open.Pool.Add(new Open());
                        }

                        var level = Open.Pool[open.Count];
                        level.Reset(node);
                        open.Add(level);
                        break;
                    case JsonTokenType.String:
                        node.Text = (IsEnumerated(name) ? ReadInterned(ref reader, start, problems, strings) : null) ?? ReadString(ref reader, start, problems);
                        node.End = baseOffset + (int)reader.BytesConsumed;
                        break;
                    case JsonTokenType.Number:
                        numbers.Add(node);
                        node.Text = (IsEnumerated(name) ? ReadInterned(ref reader, start, problems, strings) : null)
                            ?? (reader.HasValueSequence ? Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : Encoding.UTF8.GetString(reader.ValueSpan));
                        node.End = baseOffset + (int)reader.BytesConsumed;
                        break;
                    default:
                        node.End = baseOffset + (int)reader.BytesConsumed;
                        break;
                }
            }
        }
        finally
        {
            // A syntax error leaves containers open: let go of them too.
            foreach (var level in open)
            {
                level.Release();
            }
        }

        if (root is null)
        {
            throw new JsonException("the document is empty", null, 0, 0);
        }

        return root;
    }

    /// <summary>
    /// Members whose values come from a small set and repeat through a document: one string per distinct value. A
    /// 50,000-entry index.json holds a few media types, platforms, sizes and (one entry per tag) digests 50,000 times.
    /// </summary>
    private static bool IsEnumerated(string? name) =>
        name is "mediaType" or "digest" or "size" or "architecture" or "os" or "variant" or "os.version" or "artifactType" or "schemaVersion";

    // Member names and enumerated values: one string per distinct text (see IsEnumerated). Null when the text is
    // escaped, split or long: those are read the usual way.
    private static string? ReadInterned(ref Utf8JsonReader reader, int offset, List<JsonProblem> problems, Dictionary<string, string> strings)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > 128)
        {
            return null;
        }

        Span<char> chars = stackalloc char[128];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var known))
        {
            return known;
        }

        var text = new string(chars[..length]);
        strings[text] = text;
        return text;
    }

    /// <summary>A container being parsed: its node and the children read so far.</summary>
    private sealed class Open
    {
        // Per thread: documents are parsed on several threads at once (background hashing of big layouts).
        [ThreadStatic]
        private static List<Open>? _pool;

        private Dictionary<string, int>? _index;

        public static List<Open> Pool => _pool ??= [];

        public JsonNode Node { get; private set; } = null!;

        /// <summary>Member values: each knows its name and where the name is (<see cref="JsonNode.AsMember"/>).</summary>
        public List<JsonNode> Members { get; } = [];

        public List<JsonNode> Items { get; } = [];

        public void Reset(JsonNode node)
        {
            Node = node;
            Members.Clear();
            Items.Clear();
            _index = null;
        }

        public void Close(int end)
        {
            Node.End = end;
            if (Members.Count > 0)
            {
                Node._members = [.. Members];
            }

            if (Items.Count > 0)
            {
                Node._items = [.. Items];
            }

            Release();
        }

        /// <summary>Drops every reference to the document, so a pooled level does not keep it alive.</summary>
        public void Release() => Reset(null!);

        /// <summary>The offset of an earlier member of this name, if any; otherwise records this one at <paramref name="start"/>.</summary>
        /// <remarks>A linear scan: objects of OCI documents are small. A large object (a giant Labels map, or hostile input) gets an index.</remarks>
        public int? FirstOccurrence(string name, int start)
        {
            if (Members.Count >= 16)
            {
                if (_index is null)
                {
                    _index = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var value in Members)
                    {
                        var member = value.AsMember;
                        _index.TryAdd(member.Name, member.NameStart);
                    }
                }

                if (_index.TryGetValue(name, out var at))
                {
                    return at;
                }

                _index[name] = start;
                return null;
            }

            foreach (var value in Members)
            {
                if (value.MemberName == name)
                {
                    return value.AsMember.NameStart;
                }
            }

            return null;
        }
    }

    // GetString refuses "\ud800" (an unpaired surrogate escape). I-JSON forbids them, so it is a problem to
    // report, not a crash: decode by hand, keeping the lone surrogate so that such keys stay distinct.
    private static string ReadString(ref Utf8JsonReader reader, int offset, List<JsonProblem> problems)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            problems.Add(new JsonProblem(JsonProblemKind.NotUtf8, "contains an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF), which is not Unicode text", offset));
            var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            return Unescape(raw);
        }
    }

    private static string Unescape(byte[] raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                builder.Append(c);
                continue;
            }

            var e = text[++i];
            switch (e)
            {
                case 'u' when i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                default: builder.Append(e); break;
            }
        }

        return builder.ToString();
    }

    private static JsonKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonKind.Object,
        JsonTokenType.StartArray => JsonKind.Array,
        JsonTokenType.String => JsonKind.String,
        JsonTokenType.Number => JsonKind.Number,
        JsonTokenType.True => JsonKind.True,
        JsonTokenType.False => JsonKind.False,
        _ => JsonKind.Null,
    };

    private static string Describe(JsonException e)
    {
        var message = e.Message;

        // System.Text.Json appends "LineNumber: n | BytePositionInLine: m." which we report as a position instead.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"nesting is deeper than {MaxDepth} levels";
        }

        // The hint is for .NET programmers, not for people whose layout is broken.
        message = message.Replace(" Change the reader options.", "", StringComparison.Ordinal);
        return message.TrimEnd('.');
    }

    private static int OffsetOf(ReadOnlySpan<byte> bytes, JsonException e, int fallback)
    {
        if (e.LineNumber is not long line || e.BytePositionInLine is not long column)
        {
            return fallback;
        }

        var offset = 0;
        for (long l = 0; l < line && offset < bytes.Length; l++)
        {
            var next = bytes[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
        }

        return (int)Math.Min(bytes.Length, offset + column);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? 0 : read;
    }
}
