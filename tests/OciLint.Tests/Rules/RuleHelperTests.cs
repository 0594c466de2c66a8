using System.Text;
using OciLint.Core.Fixes;
using OciLint.Core.Model;
using OciLint.Rules.Annotation;
using OciLint.Rules.Json;
using OciLint.Rules.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>The pieces of rules whose cases are too many for fixture folders.</summary>
public sealed class RuleHelperTests
{
    [Fact]
    public void A_null_member_under_a_duplicate_name_gets_no_fix_for_the_wrong_object()
    {
        // The schema error points at the first "manifests", the pointer lookup finds the last: no fix, and no crash.
        using var temp = new OciLint.Tests.Support.TempDir();
        const string entry = "{\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\", \"digest\": \"sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b\", \"size\": 1";
        File.WriteAllText(Path.Combine(temp.Path, "oci-layout"), "{\"imageLayoutVersion\": \"1.0.0\"}");
        File.WriteAllText(Path.Combine(temp.Path, "index.json"), $"{{\"schemaVersion\": 2, \"manifests\": [{entry}, \"annotations\": null}}], \"manifests\": [{entry}}}]}}");

        var result = OciLint.Tests.Support.Lint.Run(temp.Path);

        result.Errors.ShouldBeEmpty();
        result.Findings.ShouldContain(f => f.RuleId == "OCI104");
    }

    [Theory]
    [InlineData(new[] { 1, 3, 4 })]
    [InlineData(new[] { 4, 1, 3 })]
    [InlineData(new[] { 3, 1, 4, 3, 9, -1 })]
    public void Removed_Items_Give_The_Same_Edits_In_Any_Order(int[] indexes)
    {
        // Edits for items 1, 3 and 4 of a five-item array, however the caller lists them (with repeats and out-of-range indexes).
        var document = new JsonDocumentModel(DocumentKind.IndexJson, "index.json", Encoding.UTF8.GetBytes("[10, 11, 12, 13, 14]"), null, null);
        var edits = ArrayEdits.RemoveItems(document, document.Root!, indexes);
        edits.Select(e => (e.StartOffset, e.Length)).ShouldBe([(3, 4), (11, 8)]);
        var text = "[10, 11, 12, 13, 14]";
        foreach (var edit in edits.OrderByDescending(e => e.StartOffset))
        {
            text = text[..edit.StartOffset] + edit.NewText + text[(edit.StartOffset + edit.Length)..];
        }

        text.ShouldBe("[10, 12]");
    }

    [Fact]
    public void Lists_Show_Ten_Values_And_Count_The_Rest_Of_A_Collection_Or_A_Sequence()
    {
        var names = Enumerable.Range(0, 25).Select(i => $"t{i}").ToList();
        var expected = "\"t0\", \"t1\", \"t2\", \"t3\", \"t4\", \"t5\", \"t6\", \"t7\", \"t8\", \"t9\" and 15 more";
        Text.Quoted(names).ShouldBe(expected);
        Text.Quoted(names.Where(_ => true)).ShouldBe(expected);
        Text.List(Enumerable.Range(0, 3)).ShouldBe("0, 1, 2");
    }

    [Theory]
    [InlineData("9007199254740991", null)]
    [InlineData("999999999999999", null)]
    [InlineData("-999999999999999", null)]
    [InlineData("1000000000000000", null)]
    [InlineData("-9007199254740991", null)]
    [InlineData("9007199254740992", "2^53")]
    [InlineData("-9007199254740993", "2^53")]
    [InlineData("123456789012345678901234567890", "2^53")]
    [InlineData("1e400", "range")]
    [InlineData("-1E+400", "range")]
    [InlineData("1e-400", "zero")]
    [InlineData("3.141592653589793238", "significant digits")]
    [InlineData("3.14159", null)]
    [InlineData("1.5e300", null)]
    [InlineData("0.000000000000000000001", null)]
    [InlineData("0.0", null)]
    public void Number_Precision_Is_Judged_Like_RFC_7493(string text, string? problem)
    {
        var actual = NumberBeyondDouble.Problem(text);
        if (problem is null)
        {
            actual.ShouldBeNull();
        }
        else
        {
            actual.ShouldNotBeNull().ShouldContain(problem);
        }
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("100", "100")]
    [InlineData("1E2", "100")]
    [InlineData("123.4560", "123.456")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("1e21", "1e+21")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("1.5e300", "1.5e+300")]
    [InlineData("2.5e-8", "2.5e-8")]
    public void Canonical_Numbers_Follow_ECMAScript(string text, string expected)
    {
        Rfc8785.Number(text).ShouldBe(expected);
    }

    [Fact]
    public void Canonical_Form_Sorts_Members_And_Uses_Short_Escapes()
    {
        var document = Document("{ \"b\": [1, {\"y\": null, \"x\": true}], \"a\": \"tab\\there \\u00e9 \\/ \\u001f\" }\n");

        Rfc8785.Canonical(document.Root!).ShouldBe("{\"a\":\"tab\\there é / \\u001f\",\"b\":[1,{\"x\":true,\"y\":null}]}");
    }

    [Theory]
    [InlineData("docker.io/library/alpine:3.19", "docker.io/library/alpine", "3.19")]
    [InlineData("localhost:5000/app:v1", "localhost:5000/app", "v1")]
    [InlineData("example.com/app@sha256:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e", "example.com/app", null)]
    [InlineData("example.com/app:v2@sha256:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e", "example.com/app", "v2")]
    public void Full_References_Split_Into_Repository_And_Tag(string value, string repository, string? tag)
    {
        RefNameFullReference.Split(value).ShouldBe((repository, tag));
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("3.19")]
    [InlineData("1.0:debug")]
    [InlineData("localhost:5000/app")]
    [InlineData("app@sha256:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e")]
    [InlineData("team/")]
    public void Tags_Are_Not_Full_References(string value)
    {
        RefNameFullReference.Split(value).ShouldBeNull();
    }

    [Theory]
    [InlineData("v1", true)]
    [InlineData("v1.0.0-vendor.0", true)]
    [InlineData("a--b", true)]
    [InlineData("docker.io/library/alpine:3.19", true)]
    [InlineData("x@sha256:abc", true)]
    [InlineData("", false)]
    [InlineData("v1,latest", false)]
    [InlineData("-v1", false)]
    [InlineData("v1-", false)]
    [InlineData("v1..0", false)]
    [InlineData("a---b", false)]
    [InlineData("_x", false)]
    [InlineData("my tag", false)]
    [InlineData("a//b", false)]
    public void Ref_Name_Grammar_Matches_The_Catalog_Table(string value, bool valid)
    {
        RefNames.IsValid(value).ShouldBe(valid);
    }

    [Fact]
    public void Inserted_Member_Copies_Indentation_And_Colon_Spacing()
    {
        var document = Document("{\n  \"schemaVersion\": 2,\n  \"manifests\": []\n}\n");

        var edit = MemberEdits.Insert(document, document.Root!, "mediaType", "\"x\"", after: "schemaVersion");

        Apply(document, edit).ShouldBe("{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"x\",\n  \"manifests\": []\n}\n");
    }

    [Theory]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":2}")]
    [InlineData("{ \"a\": 1 }", "{ \"a\": 1, \"b\": 2 }")]
    [InlineData("{}", "{\"b\":2}")]
    public void Inserted_Member_Goes_Last_When_There_Is_No_Anchor(string before, string after)
    {
        var document = Document(before);

        Apply(document, MemberEdits.Insert(document, document.Root!, "b", "2")).ShouldBe(after);
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":2,\"c\":3}", "b", "{\"a\":1,\"c\":3}")]
    [InlineData("{\"a\":1,\"b\":2}", "a", "{\"b\":2}")]
    [InlineData("{\n  \"a\": 1\n}", "a", "{\n  \n}")]
    public void Removed_Member_Takes_One_Comma(string before, string name, string after)
    {
        var document = Document(before);
        var member = document.Root!.Members.Single(m => m.Name == name);

        Apply(document, MemberEdits.Remove(document, document.Root!, member)).ShouldBe(after);
    }

    [Fact]
    public void Renamed_Member_Keeps_Its_Value_And_Escapes()
    {
        var document = Document("{\"Media\\u0054ype\": \"x\"}");

        Apply(document, MemberEdits.Rename(document, document.Root!.Members[0], "mediaType")).ShouldBe("{\"mediaType\": \"x\"}");
    }

    private static JsonDocumentModel Document(string json) => new(DocumentKind.IndexJson, "index.json", Encoding.UTF8.GetBytes(json), null, null);

    private static string Apply(JsonDocumentModel document, TextReplacement edit)
    {
        var bytes = document.Bytes;
        var result = bytes[..edit.StartOffset].Concat(Encoding.UTF8.GetBytes(edit.NewText)).Concat(bytes[(edit.StartOffset + edit.Length)..]).ToArray();
        return Encoding.UTF8.GetString(result);
    }
}
