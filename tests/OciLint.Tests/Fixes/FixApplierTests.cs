using System.Text;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Fixes;

public sealed class FixApplierTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("{\"a\": 1, \"b\": [1, 2, 3], \"x-unknown\": true}");

    [Fact]
    public void Splice_Applies_Edits_Given_Against_The_Original()
    {
        var original = Encoding.UTF8.GetBytes("abcdef");

        var result = FixApplier.Splice(original, [Edit("f", 4, 0, "Y"), Edit("f", 1, 1, "X")]);

        Encoding.UTF8.GetString(result).ShouldBe("aXcdYef");
    }

    [Fact]
    public void ApplyPass_Keeps_Every_Byte_Outside_The_Edits()
    {
        // Replace the value of "a" only: member order, spacing and the unknown member survive.
        var pass = FixApplier.ApplyPass([At(new Fix("a", FixSafety.Safe, [Edit("index.json", 6, 1, "2")]))], State);

        Encoding.UTF8.GetString(pass.Files["index.json"]).ShouldBe("{\"a\": 2, \"b\": [1, 2, 3], \"x-unknown\": true}");
        pass.Decisions.Single().Outcome.ShouldBe(FixOutcome.Applied);
    }

    [Fact]
    public void ApplyPass_Defers_A_Fix_That_Overlaps_One_Already_Taken()
    {
        // Remove ", 2" of "b", and replace "2, 3" with "9": they share bytes, so the second waits for the next pass.
        var first = At(new Fix("first", FixSafety.Safe, [Edit("index.json", 16, 3, "")]));
        var second = At(new Fix("second", FixSafety.Safe, [Edit("index.json", 18, 4, "9")]));

        var pass = FixApplier.ApplyPass([first, second], State);

        pass.Decisions.Select(d => d.Outcome).ShouldBe([FixOutcome.Applied, FixOutcome.Deferred]);
        Encoding.UTF8.GetString(pass.Files["index.json"]).ShouldBe("{\"a\": 1, \"b\": [1, 3], \"x-unknown\": true}");
    }

    [Fact]
    public void ApplyPass_Takes_Abutting_Removals_Together_But_Not_Two_Insertions_At_One_Offset()
    {
        var removeTwo = At(new Fix("2", FixSafety.Safe, [Edit("index.json", 16, 3, "")]));
        var removeThree = At(new Fix("3", FixSafety.Safe, [Edit("index.json", 19, 3, "")]));
        var insertOne = At(new Fix("x", FixSafety.Safe, [Edit("index.json", 7, 0, ", \"x\": 1")]));
        var insertTwo = At(new Fix("y", FixSafety.Safe, [Edit("index.json", 7, 0, ", \"y\": 2")]));

        var pass = FixApplier.ApplyPass([removeTwo, removeThree, insertOne, insertTwo], State);

        pass.Decisions.Select(d => d.Outcome).ShouldBe([FixOutcome.Applied, FixOutcome.Applied, FixOutcome.Applied, FixOutcome.Deferred]);
        Encoding.UTF8.GetString(pass.Files["index.json"]).ShouldBe("{\"a\": 1, \"x\": 1, \"b\": [1], \"x-unknown\": true}");
    }

    [Fact]
    public void ApplyPass_Takes_Disjoint_Fixes_Together()
    {
        var first = At(new Fix("first", FixSafety.Safe, [Edit("index.json", 6, 1, "5")]));
        var second = At(new Fix("second", FixSafety.Safe, [Edit("index.json", 19, 3, "")]));

        var pass = FixApplier.ApplyPass([first, second], State);

        pass.Decisions.ShouldAllBe(d => d.Outcome == FixOutcome.Applied);
        Encoding.UTF8.GetString(pass.Files["index.json"]).ShouldBe("{\"a\": 5, \"b\": [1, 2], \"x-unknown\": true}");
    }

    [Theory]
    [InlineData("blobs/sha256/4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e", "only index.json and oci-layout")]
    [InlineData("manifest.json", "only index.json and oci-layout")]
    public void ApplyPass_Refuses_To_Edit_Anything_But_IndexJson_And_OciLayout(string file, string reason)
    {
        var pass = FixApplier.ApplyPass([At(new Fix("x", FixSafety.Safe, [Edit(file, 0, 1, "{")]))], _ => FileState.Of(Json));

        pass.Decisions.Single().Outcome.ShouldBe(FixOutcome.Refused);
        pass.Decisions.Single().Reason!.ShouldContain(reason);
        pass.ChangedAnything.ShouldBeFalse();
    }

    [Fact]
    public void ApplyPass_Never_Overwrites_With_CreateFile_And_Creates_Only_Blobs()
    {
        var overwrite = At(new Fix("x", FixSafety.Safe, [new CreateFile("oci-layout", "{}")]));
        var folder = At(new Fix("y", FixSafety.Safe, [new CreateDirectory("blobs/sha256")]));

        var pass = FixApplier.ApplyPass([overwrite, folder], path => path == "oci-layout" ? FileState.Of(Json) : FileState.Absent);

        pass.Decisions.ShouldAllBe(d => d.Outcome == FixOutcome.Refused);
        pass.ChangedAnything.ShouldBeFalse();
    }

    [Fact]
    public void ApplyPass_Creates_A_Missing_File_And_The_Blobs_Folder()
    {
        var layout = At(new Fix("x", FixSafety.Safe, [new CreateFile("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")]));
        var blobs = At(new Fix("y", FixSafety.Safe, [new CreateDirectory("blobs")]));

        var pass = FixApplier.ApplyPass([layout, blobs], _ => FileState.Absent);

        Encoding.UTF8.GetString(pass.Files["oci-layout"]).ShouldBe("{\"imageLayoutVersion\":\"1.0.0\"}");
        pass.CreatedDirectories.ShouldBe(["blobs"]);
    }

    [Fact]
    public void ApplyPass_Refuses_A_Fix_Whose_Own_Edits_Overlap()
    {
        var pass = FixApplier.ApplyPass([At(new Fix("x", FixSafety.Safe, [Edit("index.json", 1, 5, ""), Edit("index.json", 3, 1, "")]))], State);

        pass.Decisions.Single().Outcome.ShouldBe(FixOutcome.Refused);
    }

    [Fact]
    public void ApplyPass_Stops_A_Fix_That_Would_Break_The_Json()
    {
        var broken = At(new Fix("x", FixSafety.Safe, [Edit("index.json", 0, 1, "")]));

        Should.Throw<InvalidOperationException>(() => FixApplier.ApplyPass([broken], State)).Message.ShouldContain("invalid JSON");
    }

    [Theory]
    [InlineData(FixSafety.Safe, false, null, true)]
    [InlineData(FixSafety.Unsafe, false, null, false)]
    [InlineData(FixSafety.Unsafe, true, null, true)]
    [InlineData(FixSafety.Suggestion, true, null, false)]
    [InlineData(FixSafety.Suggestion, false, "v2", true)]
    public void Policy_Allows_Safe_Always_Unsafe_On_Request_Suggestions_With_Their_Value(FixSafety safety, bool allowUnsafe, string? refName, bool allowed)
    {
        var policy = new FixPolicy { Unsafe = allowUnsafe, Inputs = refName is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["ref-name"] = refName } };

        policy.Allows(new Fix("x", safety, []) { RequiredInput = safety == FixSafety.Suggestion ? "ref-name" : null }).ShouldBe(allowed);
    }

    private static FileState State(string path) => path == "index.json" ? FileState.Of(Json) : FileState.Absent;

    private static Finding At(Fix fix) => new("OCI903", Severity.Warning, "m", new Location("index.json")) { Fix = fix };

    private static TextReplacement Edit(string file, int start, int length, string text) => new(file, start, length, text, 1, start + 1, 1, start + length + 1);
}
