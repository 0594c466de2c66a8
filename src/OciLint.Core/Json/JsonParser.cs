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
        var stack = new Stack<JsonNode>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonNode? root = null;
        string? pendingName = null;
        var pendingNameStart = 0;

        while (reader.Read())
        {
            var start = baseOffset + (int)reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingName = ReadName(ref reader, start, problems, names);
                pendingNameStart = start;
                var parent = stack.Peek();
                if (FirstOccurrence(parent, pendingName, start) is { } first)
                {
                    problems.Add(new JsonProblem(
                        JsonProblemKind.DuplicateMember,
                        $"member \"{pendingName}\" appears more than once",
                        start,
                        JsonPointer.Append(parent.Pointer, pendingName),
                        first));
                }

                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                var done = stack.Pop();
                done.End = baseOffset + (int)reader.BytesConsumed;
                continue;
            }

            JsonNode node;
            if (stack.Count == 0)
            {
                node = new JsonNode(KindOf(reader.TokenType), start);
            }
            else
            {
                var parent = stack.Peek();
                if (parent.Kind == JsonKind.Object)
                {
                    node = new JsonNode(KindOf(reader.TokenType), start, parent, pendingName!, 0);
                    (parent._members ??= []).Add(new JsonMember(pendingName!, pendingNameStart, node));
                }
                else
                {
                    var items = parent._items ??= [];
                    node = new JsonNode(KindOf(reader.TokenType), start, parent, null, items.Count);
                    items.Add(node);
                }
            }

            root ??= node;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    stack.Push(node);
                    break;
                case JsonTokenType.String:
                    node.Text = ReadString(ref reader, start, problems);
                    node.End = baseOffset + (int)reader.BytesConsumed;
                    break;
                case JsonTokenType.Number:
                    numbers.Add(node);
                    node.Text = reader.HasValueSequence ? Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : Encoding.UTF8.GetString(reader.ValueSpan);
                    node.End = baseOffset + (int)reader.BytesConsumed;
                    break;
                default:
                    node.End = baseOffset + (int)reader.BytesConsumed;
                    break;
            }
        }

        if (root is null)
        {
            throw new JsonException("the document is empty", null, 0, 0);
        }

        return root;
    }

    /// <summary>The offset of an earlier member of this name, if any; otherwise records this one at <paramref name="start"/>.</summary>
    /// <remarks>A linear scan: objects of OCI documents are small. A large object (a giant Labels map, or hostile input) gets an index.</remarks>
    private static int? FirstOccurrence(JsonNode parent, string name, int start)
    {
        var members = parent._members;
        if (members is null)
        {
            return null;
        }

        if (members.Count >= 16)
        {
            if (parent._memberIndex is null)
            {
                parent._memberIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var member in members)
                {
                    parent._memberIndex.TryAdd(member.Name, member.NameStart);
                }
            }

            if (parent._memberIndex.TryGetValue(name, out var at))
            {
                return at;
            }

            parent._memberIndex[name] = start;
            return null;
        }

        foreach (var member in members)
        {
            if (member.Name == name)
            {
                return member.NameStart;
            }
        }

        return null;
    }

    // Member names repeat tens of thousands of times in a big index ("mediaType", "digest", ...): one string each.
    private static string ReadName(ref Utf8JsonReader reader, int offset, List<JsonProblem> problems, Dictionary<string, string> names)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > 128)
        {
            return ReadString(ref reader, offset, problems);
        }

        Span<char> chars = stackalloc char[128];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var known))
        {
            return known;
        }

        var name = new string(chars[..length]);
        names[name] = name;
        return name;
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
