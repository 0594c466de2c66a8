using CsCheck;
using System.Text;
using OciLint.Core.Json;
using OciLint.Core.Model;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Core;

public sealed class JsonParserTests
{
    private const string Index = "{\n  \"schemaVersion\": 2,\n  \"manifests\": [\n    {\"digest\": \"sha256:ab\", \"annotations\": {\"a/b~c\": \"x\"}}\n  ]\n}\n";

    [Fact]
    public void Parse_Records_Pointers_And_Positions()
    {
        var document = new JsonDocumentModel(DocumentKind.IndexJson, "index.json", Encoding.UTF8.GetBytes(Index), null, null);
        var digest = document.NodeAt("/manifests/0/digest")!;
        digest.Text.ShouldBe("sha256:ab");
        var location = document.LocationOf(digest);
        (location.Line, location.Column).ShouldBe((4, 16));
        (location.EndLine, location.EndColumn).ShouldBe((4, 27));
        document.NodeAt("/manifests/0/annotations/a~1b~0c")!.Text.ShouldBe("x");
    }

    [Fact]
    public void Columns_Count_Utf16_Units_Not_Bytes()
    {
        var document = new JsonDocumentModel(DocumentKind.IndexJson, "index.json", Encoding.UTF8.GetBytes("{\"é€\": \"ü\", \"k\": 1}"), null, null);
        document.LocationOf(document.NodeAt("/k")!).Column.ShouldBe(18);
    }

    [Fact]
    public void Duplicate_Members_Are_Reported_With_Both_Positions()
    {
        var text = "{\"manifests\": [],\n \"manifests\": [1]}";
        var result = JsonParser.Parse(Encoding.UTF8.GetBytes(text));
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(JsonProblemKind.DuplicateMember);
        problem.Pointer.ShouldBe("/manifests");
        problem.FirstOffset.ShouldBe(1);
        problem.Offset.ShouldBe(text.IndexOf("\"manifests\"", 5, StringComparison.Ordinal));

        // Both values are kept, in order; the first is what Get returns.
        result.Root!.Members.Count.ShouldBe(2);
        result.Root.Get("manifests")!.Items.Count.ShouldBe(0);
    }

    [Fact]
    public void Members_Are_Made_From_Their_Values_With_Names_And_Name_Offsets()
    {
        const string text = "{\"b\": [true, {\"c\": null}], \"a\": \"x\", \"a\": 2}";
        var root = JsonParser.Parse(Encoding.UTF8.GetBytes(text)).Root!;

        var members = root.Members;
        members.Select(m => (m.Name, m.NameStart)).ShouldBe([("b", 1), ("a", text.IndexOf("\"a\"", StringComparison.Ordinal)), ("a", text.LastIndexOf("\"a\"", StringComparison.Ordinal))]);
        var looped = new List<JsonMember>();
        foreach (var member in members)
        {
            looped.Add(member);
        }

        looped.ShouldBe(members.ToList());
        members[2].Value.Text.ShouldBe("2");
        members[1].Value.Member.ShouldBe(members[1]);
        root.GetStringMember("a").ShouldBe(members[1]);

        // Array items and the root are no member's value.
        root.Member.ShouldBeNull();
        var array = root.Get("b")!;
        array.Items[0].Member.ShouldBeNull();
        array.Items[1].Get("c")!.Member!.Value.Name.ShouldBe("c");
        array.Items[1].Pointer.ShouldBe("/b/1");
        root.HasMember("A", StringComparison.OrdinalIgnoreCase).ShouldBeTrue();
        root.HasMember("A", StringComparison.Ordinal).ShouldBeFalse();
        array.HasMember("b", StringComparison.Ordinal).ShouldBeFalse();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(400)]
    public void A_big_array_parsed_from_both_ends_gives_the_same_tree(int entries)
    {
        var text = IndexOf(entries, i => $"{{\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\", \"size\": {i},\n \"annotations\": {{\"t\": \"tag-{i}\"}}}}");
        var bytes = Encoding.UTF8.GetBytes(text);
        var split = JsonParser.ParseSplitting(bytes, 0);

        Dump(split).ShouldBe(Dump(JsonParser.Parse(bytes.AsSpan())));
        var items = split.Root!.Get("manifests")!.Items;
        items.Count.ShouldBe(entries);

        // The second half was parsed apart, with its own interned strings: proof that the split was taken.
        ReferenceEquals(items[0].GetString("mediaType"), items[^1].GetString("mediaType")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("{\"a\": \"},{\"}", "a string holding an item boundary")]
    [InlineData("{\"a\": 1, \"a\": 2}", "a duplicate member")]
    [InlineData("{\"a\": \"\\ud800\"}", "an unpaired surrogate")]
    [InlineData("{\"a\": [[[[1]]]]}", "nesting")]
    [InlineData("{\"a\": tru}", "a syntax error")]
    [InlineData("{\"a\": 1}; {\"b\": 2}", "no comma between items")]
    [InlineData("{\"a\": 1}], \"x\": [{\"b\": 1}, {\"b\": 2}", "a second array")]
    public void Anything_unusual_in_the_second_half_gives_what_a_plain_parse_gives(string odd, string because)
    {
        var text = IndexOf(40, i => i is 25 or 31 ? odd : $"{{\"n\": {i}}}");
        var bytes = Encoding.UTF8.GetBytes(text);

        Dump(JsonParser.ParseSplitting(bytes, 0)).ShouldBe(Dump(JsonParser.Parse(bytes.AsSpan())), because);
    }

    [Theory]
    [InlineData(506)]
    [InlineData(507)]
    [InlineData(508)]
    [InlineData(509)]
    [InlineData(510)]
    [InlineData(511)]
    public void Nesting_limits_are_the_same_in_the_second_half(int arrays)
    {
        var nested = "{\"a\": " + new string('[', arrays) + new string(']', arrays) + "}";
        // Last, after items long enough that the split falls before it.
        var text = IndexOf(40, i => i == 39 ? nested : $"{{\"n\": {i}, \"p\": \"{new string('x', 60)}\"}}");
        var bytes = Encoding.UTF8.GetBytes(text);

        var split = JsonParser.ParseSplitting(bytes, 0);
        Dump(split).ShouldBe(Dump(JsonParser.Parse(bytes.AsSpan())));
        if (split.Root is { } root)
        {
            // Within the limit the second half was taken: its member names are interned apart from the first half's.
            var items = root.Get("manifests")!.Items;
            ReferenceEquals(items[0].Members[0].Name, items[^2].Members[0].Name).ShouldBeFalse();
        }
    }

    [Fact]
    public void Only_the_manifests_array_is_split()
    {
        var text = IndexOf(40, i => $"{{\"n\": {i}}}").Replace("\"manifests\"", "\"x\": [], \"manifests\"", StringComparison.Ordinal);
        var split = JsonParser.ParseSplitting(Encoding.UTF8.GetBytes(text), 0);

        var items = split.Root!.Get("manifests")!.Items;
        ReferenceEquals(items[0].Members[0].Name, items[^1].Members[0].Name).ShouldBeFalse();
        Dump(split).ShouldBe(Dump(JsonParser.Parse(Encoding.UTF8.GetBytes(text).AsSpan())));
    }

    [Fact]
    public void Split_parses_agree_with_plain_parses_on_generated_arrays()
    {
        string[] pieces = ["{\"a\": 1}", "{}", "{\"s\": \"},{\"}", "{\"s\": \"]\"}", "{\"b\": [1, {\"c\": null}]}", "{\"d\": 1, \"d\": 2}", "[1]", "2", "\"x\"", "{\"e\": \"\\\"}, {\"}", "{\"f\": 1} {\"g\": 2}", "{\"f\": 1}; {\"g\": 2}", "{\"h\": 1},", "{\"i\": 1}]", "{\"j\": 1}\t\r\n"];
        var piece = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]);
        Gen.Select(piece.Array[0, 60], Gen.Int[0, 3]).Sample((items, spaces) =>
        {
            var gap = new string(' ', spaces) + (spaces == 2 ? "\n" : "");
            var text = "{\"manifests\": [" + gap + string.Join("," + gap, items) + gap + "], \"z\": [{}, {}]}";
            var bytes = Encoding.UTF8.GetBytes(text);
            Dump(JsonParser.ParseSplitting(bytes, 0)).ShouldBe(Dump(JsonParser.Parse(bytes.AsSpan())));
        });
    }

    private static string IndexOf(int entries, Func<int, string> entry) =>
        "{\n  \"schemaVersion\": 2,\n  \"manifests\": [\n    " + string.Join(",\n    ", Enumerable.Range(0, entries).Select(entry)) + "\n  ],\n  \"annotations\": {\"k\": \"v\"}\n}\n";

    // Every fact of a parse a rule can see: each node's kind, extent, text, pointer and member name offset, in
    // document order, the numbers list and the problems.
    private static string Dump(JsonParseResult result)
    {
        var text = new StringBuilder();
        void Walk(JsonNode node)
        {
            text.Append($"{node.Kind} {node.Start}-{node.End} {node.Pointer} {node.Member?.NameStart} {node.Text}\n");
            foreach (var member in node.Members)
            {
                Walk(member.Value);
            }

            foreach (var item in node.Items)
            {
                Walk(item);
            }
        }

        if (result.Root is { } root)
        {
            Walk(root);
        }

        text.Append("numbers ").AppendJoin(",", result.Numbers.Select(n => n.Pointer)).Append('\n');
        foreach (var problem in result.Problems)
        {
            text.Append($"{problem.Kind} {problem.Offset} {problem.FirstOffset} {problem.Pointer} {problem.Message}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Hostile_Nesting_Is_A_Syntax_Problem_Not_A_Crash()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var result = JsonParser.Parse(Encoding.UTF8.GetBytes(text));
        result.Root.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("deeper than");
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }, JsonProblemKind.ByteOrderMark, true)]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0 }, JsonProblemKind.NotUtf8, false)]
    [InlineData(new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"' }, JsonProblemKind.NotUtf8, false)]
    [InlineData(new byte[] { }, JsonProblemKind.Syntax, false)]
    [InlineData(new byte[] { (byte)'{', (byte)'}', (byte)'{' }, JsonProblemKind.Syntax, false)]
    public void Encoding_And_Syntax_Problems_Are_Classified(byte[] bytes, JsonProblemKind kind, bool parses)
    {
        var result = JsonParser.Parse(bytes);
        result.Problems.ShouldContain(p => p.Kind == kind);
        (result.Root is not null).ShouldBe(parses);
    }

    [Fact]
    public void Syntax_Error_Offset_Points_At_The_Failure()
    {
        var text = "{\n  \"a\": 1,\n  \"b\": ]\n}";
        var document = new JsonDocumentModel(DocumentKind.IndexJson, "index.json", Encoding.UTF8.GetBytes(text), null, null);
        var problem = document.Problems.ShouldHaveSingleItem();
        document.Position(problem.Offset).Line.ShouldBe(3);
    }

    [Fact]
    public void Canonical_Form_Ignores_Member_Order_And_Whitespace()
    {
        var a = JsonParser.Parse(Encoding.UTF8.GetBytes("{\"b\": [1, 2], \"a\": \"x\"}")).Root!;
        var b = JsonParser.Parse(Encoding.UTF8.GetBytes("{ \"a\":\"x\",\n\"b\":[1,2] }")).Root!;
        JsonCanonical.Of(a).ShouldBe(JsonCanonical.Of(b));
        JsonCanonical.Of(a).ShouldNotBe(JsonCanonical.Of(JsonParser.Parse(Encoding.UTF8.GetBytes("{\"b\": [2, 1], \"a\": \"x\"}")).Root!));
    }

    [Theory]
    [InlineData("{\"b\":1,\"a\":2}", "{\"a\":2,\"b\":1}")]
    [InlineData("[1.0, 1e2, -0, -12, 0]", "[1.0,100,0,-12,0]")]
    [InlineData("\"q\\\"b\\\\s\\u0001t\\n\"", "\"q\\\"b\\\\s\\u0001t\\u000a\"")]
    [InlineData("{\"x\":{\"d\":null,\"c\":[true,false]}}", "{\"x\":{\"c\":[true,false],\"d\":null}}")]
    public void Canonical_Text_Sorts_Members_Escapes_And_Normalises_Numbers(string json, string canonical)
    {
        JsonCanonical.Of(JsonParser.Parse(Encoding.UTF8.GetBytes(json)).Root!).ShouldBe(canonical);
    }

    [Theory]
    [InlineData("{\"b\":1,\"a\":[1.0,\"x\"]}", "{ \"a\": [1.0, \"x\"], \"b\": 1 }")]
    [InlineData("[1e2, -0]", "[100, 0]")]
    [InlineData("\"\\u0041\\n\"", "\"A\\u000a\"")]
    [InlineData("{\"x\":{\"d\":null,\"c\":[true,false]},\"y\":{}}", "{\"y\":{},\"x\":{\"c\":[true,false],\"d\":null}}")]
    public void Values_With_Equal_Canonical_Texts_Have_Equal_Hashes(string a, string b)
    {
        var left = JsonParser.Parse(Encoding.UTF8.GetBytes(a)).Root!;
        var right = JsonParser.Parse(Encoding.UTF8.GetBytes(b)).Root!;
        JsonCanonical.Of(left).ShouldBe(JsonCanonical.Of(right));
        JsonCanonical.Hash(left).ShouldBe(JsonCanonical.Hash(right));
    }

    [Fact]
    public void Canonical_Hash_Agrees_With_The_Canonical_Text_On_Generated_Values()
    {
        // Small alphabets, so that generated pairs often have equal texts; each value is also compared with itself
        // written with every object's members reversed.
        var scalar = OneOf("1", "1.0", "1e0", "-0", "0", "\"a\"", "\"\\u0061\"", "\"b\"", "true", "false", "null").Select(t => new Tree(t, null, null));
        var names = OneOf("a", "b", "c", "d");
        var tree = Gen.Recursive<Tree>((depth, inner) => depth >= 3
            ? scalar
            : Gen.Frequency(
                (3, scalar),
                (1, inner.Array[0, 3].Select(items => new Tree(null, items, null))),
                (1, Gen.Select(names, inner).Array[0, 4].Select(members => new Tree(null, null, [.. members.DistinctBy(m => m.Item1)])))));
        Gen.Select(tree, tree).Sample((a, b) =>
        {
            var left = Parse(a.Render(reversed: false));
            var reversed = Parse(a.Render(reversed: true));
            var right = Parse(b.Render(reversed: false));
            return JsonCanonical.Of(left) == JsonCanonical.Of(reversed) && JsonCanonical.Hash(left) == JsonCanonical.Hash(reversed)
                && (JsonCanonical.Of(left) != JsonCanonical.Of(right) || JsonCanonical.Hash(left) == JsonCanonical.Hash(right));
        }, iter: 20_000);

        static JsonNode Parse(string json) => JsonParser.Parse(Encoding.UTF8.GetBytes(json)).Root!;
        static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);
    }

    public sealed record Tree(string? Scalar, Tree[]? Items, (string Name, Tree Value)[]? Members)
    {
        public string Render(bool reversed) =>
            Scalar ?? (Items is not null
                ? "[" + string.Join(",", Items.Select(i => i.Render(reversed))) + "]"
                : "{" + string.Join(",", (reversed ? Members!.Reverse() : Members!).Select(m => $"\"{m.Name}\":{m.Value.Render(reversed)}")) + "}");
    }

    [Fact]
    public void Pointers_Are_Built_From_Names_And_Indexes_With_Escapes()
    {
        var root = JsonParser.Parse(Encoding.UTF8.GetBytes("{\"a/b\":[{\"m~n\":1}],\"x\":{\"\":true}}")).Root!;
        root.Pointer.ShouldBe("");
        root.Get("a/b")!.Items[0].Get("m~n")!.Pointer.ShouldBe("/a~1b/0/m~0n");
        root.Get("x")!.Get("")!.Pointer.ShouldBe("/x/");
    }

    [Fact]
    public void Numbers_Are_Listed_In_Document_Order_Duplicates_Included()
    {
        var result = JsonParser.Parse(Encoding.UTF8.GetBytes("{\"a\":1,\"b\":[2.5,{\"c\":-3}],\"a\":4e1,\"s\":\"5\"}"));
        result.Numbers.Select(n => $"{n.Pointer}={n.Text}").ShouldBe(["/a=1", "/b/0=2.5", "/b/1/c=-3", "/a=4e1"]);
    }

    [Fact]
    public void Duplicate_Members_Are_Found_In_Large_Objects_Too()
    {
        var members = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}"));
        var result = JsonParser.Parse(Encoding.UTF8.GetBytes("{" + members + ",\"k3\":0,\"k39\":1}"));
        result.Problems.Where(p => p.Kind == JsonProblemKind.DuplicateMember).Select(p => p.Pointer).ShouldBe(["/k3", "/k39"]);
        result.Root!.Get("k3")!.Text.ShouldBe("3");
    }

    [Fact]
    public void Missing_Pointer_Falls_Back_To_Nearest_Parent_Region()
    {
        var document = new JsonDocumentModel(DocumentKind.IndexJson, "index.json", Encoding.UTF8.GetBytes(Index), null, null);
        var location = document.LocationOfPointer("/manifests/0/size");
        location.Pointer.ShouldBe("/manifests/0/size");
        location.Line.ShouldBe(4);
        location.Column.ShouldBe(5);
    }
}

public sealed class LineMapTests
{
    [Fact]
    public void Long_Lines_Give_The_Same_Columns_As_Counting_From_The_Line_Start()
    {
        // Multi-byte characters straddle the checkpoints; every offset must agree with a plain count.
        var text = "{\"a\":\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? "é€😀" : "x")) + "\n}";
        var bytes = Encoding.UTF8.GetBytes(text);
        var map = new LineMap(bytes);
        var lineStart = Array.IndexOf(bytes, (byte)'\n') + 1;
        for (var offset = lineStart; offset < bytes.Length - 2; offset++)
        {
            if ((bytes[offset] & 0xC0) == 0x80)
            {
                continue;
            }

            map.Position(offset).ShouldBe((2, Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Lines_Are_Right_In_Any_Order_Of_Queries(int seed)
    {
        // The map looks near its previous answer first: ascending, descending, nearby and far jumps must all agree with a count.
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, 2000).Select(_ => new string('x', random.Next(0, 4)) + "\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        var map = new LineMap(bytes);
        var offsets = Enumerable.Range(0, bytes.Length + 1).ToList();
        var order = seed switch
        {
            1 => offsets,
            2 => Enumerable.Reverse(offsets).ToList(),
            _ => offsets.OrderBy(_ => random.Next()).ToList(),
        };
        foreach (var offset in order)
        {
            var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
            map.Position(offset).Line.ShouldBe(line, $"offset {offset}");
        }
    }
}

public sealed class SurrogateTests
{
    [Fact]
    public void Unpaired_Surrogate_Escape_Is_A_Problem_Not_A_Crash()
    {
        var result = JsonParser.Parse(Encoding.UTF8.GetBytes("{\"a\\ud800\": \"x\\udc00y\", \"b\": \"\\n\\u0041\"}"));
        result.Root.ShouldNotBeNull();
        result.Problems.Count(p => p.Kind == JsonProblemKind.NotUtf8).ShouldBe(2);
        result.Root.Members[0].Name.ShouldBe("a\ud800");
        result.Root.Members[0].Value.Text.ShouldBe("x\udc00y");
        result.Root.Get("b")!.Text.ShouldBe("\nA");
    }
}
