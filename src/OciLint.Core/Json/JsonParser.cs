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

    public static JsonParseResult Parse(ReadOnlySpan<byte> bytes) => Parse(bytes, null);

    /// <summary>
    /// As <see cref="Parse(ReadOnlySpan{byte})"/>; with <paramref name="threads"/> above 1, a big array at the top of a
    /// document (a 50,000-entry index.json's manifests) is parsed in two halves at once. The result is the same.
    /// </summary>
    public static JsonParseResult Parse(byte[] bytes, int threads) => Parse(bytes, threads > 1 && Environment.ProcessorCount > 1 ? bytes : null, SplitFrom);

    /// <summary>For tests: split arrays from <paramref name="splitFrom"/> bytes, on any machine.</summary>
    internal static JsonParseResult ParseSplitting(byte[] bytes, int splitFrom) => Parse(bytes, bytes, splitFrom);

    private static JsonParseResult Parse(ReadOnlySpan<byte> bytes, byte[]? splittable, int splitFrom = SplitFrom)
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
            var root = ParseValues(bytes[offset..], offset, problems, numbers, splittable, splitFrom);
            return new JsonParseResult(root, problems) { Numbers = numbers };
        }
        catch (ResumedReaderException)
        {
            // Positions in the error count from where the reader resumed after a split array: parse again in one piece.
            return Parse(bytes, null);
        }
        catch (JsonException e)
        {
            problems.Add(new JsonProblem(JsonProblemKind.Syntax, Describe(e), OffsetOf(bytes, e, offset)));
            return new JsonParseResult(null, problems);
        }
    }

    private static JsonNode? ParseValues(ReadOnlySpan<byte> span, int baseOffset, List<JsonProblem> problems, List<JsonNode> numbers, byte[]? splittable, int splitFrom) =>
        ParseValues(span, baseOffset, problems, numbers, splittable, new Dictionary<string, string>(StringComparer.Ordinal), item: null, splitFrom);

    /// <summary>
    /// The document in <paramref name="span"/>; or, given <paramref name="item"/>, only the value at its start, as the
    /// item of an array (see <see cref="SecondHalf"/>): it stops after that value, before whatever follows it.
    /// </summary>
    private static JsonNode? ParseValues(
        ReadOnlySpan<byte> span, int baseOffset, List<JsonProblem> problems, List<JsonNode> numbers, byte[]? splittable, Dictionary<string, string> strings, ItemOf? item, int splitFrom = SplitFrom)
    {
        var maxDepth = item is null ? MaxDepth : MaxDepth - item.Depth;
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow });
        SecondHalf? second = null;
        var afterItem = default(JsonReaderState);
        var resumed = false;
        var spanOffset = baseOffset;

        // The open containers, each with the children read so far; a closed container keeps them as an exact-size array.
        // The scratch lists are reused level by level, so a document allocates a handful of lists, not one per object.
        var open = new List<Open>();
        JsonNode? root = null;
        string? pendingName = null;
        var pendingNameStart = 0;

        try
        {
            while ((item is null || root is null || open.Count > 0) && reader.Read())
            {
                var start = baseOffset + (int)reader.TokenStartIndex;
                if (second is not null && start == second.From && open.Count == second.Level && open[^1].Node == second.Array && second.Take() is { } half)
                {
                    // The other thread parsed from here to the end of the array: take its items, then skip to its end.
                    var array = open[^1];
                    var before = array.Items.Count;
                    foreach (var taken in half.Items)
                    {
                        taken.ShiftSlot(before);
                        array.Items.Add(taken);
                    }

                    numbers.AddRange(half.Numbers);

                    // Resume at the array's "]" in the state the reader had after the item before this one: inside
                    // the array, after a value. The other thread checked the syntax of everything in between.
                    baseOffset = half.End;
                    resumed = true;
                    reader = new Utf8JsonReader(span[(baseOffset - spanOffset)..], isFinalBlock: true, afterItem);
                    if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                    {
                        throw new JsonException("the array does not end where it was parsed to");
                    }

                    open.RemoveAt(open.Count - 1);
                    array.Close(baseOffset + (int)reader.BytesConsumed);
                    second = null;
                    continue;
                }

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
                    if (second is not null && open.Count == second.Level)
                    {
                        afterItem = reader.CurrentState;
                    }

                    continue;
                }

                JsonNode node;
                string? name = null;
                if (open.Count == 0)
                {
                    node = item is null ? new JsonNode(KindOf(reader.TokenType), start) : new JsonNode(KindOf(reader.TokenType), start, item.Array, null, item.Slot);
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
                        if (splittable is not null && second is null && open.Count == 2 && name == "manifests" && node.Kind == JsonKind.Array && splittable.Length - start >= splitFrom)
                        {
                            second = SecondHalf.Start(splittable, start, node, open.Count);
                        }

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
        catch (JsonException) when (resumed)
        {
            throw new ResumedReaderException();
        }
        finally
        {
            // A syntax error leaves containers open: let go of them too.
            foreach (var level in open)
            {
                level.Release();
            }

            // Not taken (the guessed start was inside a string, a syntax error came first, or the other thread gave
            // up): never left running.
            second?.Wait();
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

    /// <summary>A syntax error after the reader resumed past a split array: its line and column count from there.</summary>
    private sealed class ResumedReaderException : Exception;

    /// <summary>Below this many bytes from a top-level array's start to the end, a second thread costs more than it saves.</summary>
    private const int SplitFrom = 2 * 1024 * 1024;

    /// <summary>The array an item parsed on its own belongs to, its index there, and the depth of the array's items.</summary>
    private sealed record ItemOf(JsonNode Array, int Slot, int Depth);

    /// <summary>
    /// The second half of a big top-level array (the manifests of a 50,000-entry index.json), parsed on another thread
    /// from an item start guessed near the middle, while the caller parses the first half. The guess is only used
    /// when the caller's own parse reaches an item at exactly that offset: then both parsed the same bytes by the
    /// same grammar (each item by a reader of its own, the commas and whitespace between them by hand), and the
    /// caller resumes at the array's end. Anything unusual in the second half (a
    /// problem to report, a syntax error) drops it, and the caller parses on as if it had never been tried.
    /// </summary>
    private sealed class SecondHalf
    {
        private readonly Task<Parsed?> _task;

        private SecondHalf(JsonNode array, int from, int level, Task<Parsed?> task)
        {
            Array = array;
            From = from;
            Level = level;
            _task = task;
        }

        /// <summary>The array whose items the other thread parsed (the guess may have landed in a later one).</summary>
        public JsonNode Array { get; }

        /// <summary>Where the other thread started: the offset of an item's first byte, if the guess was right.</summary>
        public int From { get; }

        /// <summary>How many containers are open at the array's items (the root and the array).</summary>
        public int Level { get; }

        public static SecondHalf? Start(byte[] bytes, int arrayStart, JsonNode array, int level)
        {
            var from = GuessItemStart(bytes, arrayStart + ((bytes.Length - arrayStart) / 2));
            if (from < 0)
            {
                return null;
            }

            var task = Task.Factory.StartNew(() => ParseItems(bytes, from, array, level), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return new SecondHalf(array, from, level, task);
        }

        /// <summary>Waits for the other thread: what it parsed, or null when it gave up.</summary>
        public Parsed? Take() => _task.GetAwaiter().GetResult();

        /// <summary>Waits for the other thread without taking its work (or its failure): nothing is left running.</summary>
        public void Wait()
        {
            try
            {
                _task.Wait();
            }
            catch (AggregateException)
            {
            }
        }

        // The first "}", "," "{" (whitespace allowed between) after the middle: an item boundary of an array of objects,
        // unless it is inside a string, which the caller's parse finds out.
        private static int GuessItemStart(byte[] bytes, int from)
        {
            var span = bytes.AsSpan();
            var limit = Math.Min(bytes.Length, from + (1024 * 1024));
            for (var at = from; at < limit;)
            {
                var close = span[at..limit].IndexOf((byte)'}');
                if (close < 0)
                {
                    return -1;
                }

                var next = SkipSpace(bytes, at + close + 1);
                if (next < bytes.Length && bytes[next] == (byte)',')
                {
                    var open = SkipSpace(bytes, next + 1);
                    if (open < bytes.Length && bytes[open] == (byte)'{')
                    {
                        return open;
                    }
                }

                at += close + 1;
            }

            return -1;
        }

        private static Parsed? ParseItems(byte[] bytes, int from, JsonNode array, int depth)
        {
            var items = new List<JsonNode>();
            var numbers = new List<JsonNode>();
            var problems = new List<JsonProblem>();
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                var at = from;
                while (true)
                {
                    var item = ParseValues(bytes.AsSpan(at), at, problems, numbers, null, strings, new ItemOf(array, items.Count, depth));
                    if (item is null || problems.Count > 0)
                    {
                        return null;
                    }

                    items.Add(item);
                    at = SkipSpace(bytes, item.End);
                    if (at < bytes.Length && bytes[at] == (byte)']')
                    {
                        return new Parsed(items, numbers, at);
                    }

                    if (at >= bytes.Length || bytes[at] != (byte)',')
                    {
                        return null;
                    }

                    at = SkipSpace(bytes, at + 1);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return null;
            }
        }

        /// <summary>The items in order, the number values among them in document order, and the offset of the array's "]".</summary>
        public sealed record Parsed(List<JsonNode> Items, List<JsonNode> Numbers, int End);

        private static int SkipSpace(byte[] bytes, int at)
        {
            while (at < bytes.Length && bytes[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                at++;
            }

            return at;
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
