using System.Text;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>OCI902 and OCI903 on indexes shaped to reach their shortcuts: ref names that rule out copies, and deferred fix edits.</summary>
public sealed class IndexDuplicateTests
{
    private const string DigestA = "sha256:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e";
    private const string DigestB = "sha256:1a39cd15e271c02a65fa95b1a700903f21c398313a0257ddf5dd3f5a827df2e8";

    [Fact]
    public void Exact_Copies_Are_Found_Whether_Or_Not_They_Have_A_Ref_Name()
    {
        string[] entries =
        [
            Entry(DigestA, "\"annotations\": {\"org.opencontainers.image.ref.name\": \"v1\"}"), // 0
            Entry(DigestA, "\"annotations\": {\"org.opencontainers.image.ref.name\": \"v2\"}"), // 1: same digest, own tag
            Entry(DigestA, "\"annotations\": {\"org.opencontainers.image.ref.name\": \"v1\"}"), // 2: copy of 0
            Entry(DigestB, ""), // 3
            Entry(DigestB, ""), // 4: copy of 3, no ref name
            Entry(DigestB, "\"annotations\": {\"org.opencontainers.image.ref.name\": \"v1\"}"), // 5: v1 again, other content
            Entry(DigestA, "\"annotations\": {\"org.opencontainers.image.ref.name\": \"v1\", \"x\": \"y\"}"), // 6: v1, one more annotation
            Entry(DigestB, "\"annotations\": {\"org.opencontainers.image.ref.name\": \"v1\"}"), // 7: copy of 5
            Entry(DigestA, "\"annotations\": {\"x\": \"y\", \"org.opencontainers.image.ref.name\": \"v1\"}"), // 8: copy of 6, members reordered
            Entry(DigestA, "\"annotations\": {\"org.opencontainers.image.ref.name\": 1}"), // 9: a ref name that is not a string
            Entry(DigestA, "\"annotations\": {\"org.opencontainers.image.ref.name\": 1}"), // 10: copy of 9
            Entry(DigestB, "\"annotations\": {\"org.opencontainers.image.ref.name\": 1e0}"), // 11: the same number, spelled otherwise
            Entry(DigestB, "\"annotations\": {\"org.opencontainers.image.ref.name\": 1}"), // 12: copy of 11
            Entry(DigestA, "\"annotations\": {\"org.opencontainers.image.ref.name\": 2, \"org.opencontainers.image.ref.name\": \"w\"}"), // 13
            Entry(DigestA, "\"annotations\": {\"org.opencontainers.image.ref.name\": \"w\", \"org.opencontainers.image.ref.name\": 2}"), // 14: same members, other order: no copy
            Entry(DigestA, "\"annotations\": {\"org.opencontainers.image.ref.name\": 2, \"org.opencontainers.image.ref.name\": \"w\"}"), // 15: copy of 13
        ];

        Copies(entries).ShouldBe(
        [
            "entry 2 is an exact copy of entry 0", "entry 4 is an exact copy of entry 3", "entry 7 is an exact copy of entry 5", "entry 8 is an exact copy of entry 6",
            "entry 10 is an exact copy of entry 9", "entry 12 is an exact copy of entry 11", "entry 15 is an exact copy of entry 13",
        ]);
    }

    [Fact]
    public void Copies_Among_Entries_With_Their_Own_Ref_Names_Are_Found()
    {
        var tagged = Enumerable.Range(0, 300).Select(i => Entry(i % 2 == 0 ? DigestA : DigestB, $"\"annotations\": {{\"org.opencontainers.image.ref.name\": \"tag-{i}\"}}")).ToList();
        string[] entries = [.. tagged, tagged[7], tagged[250]];
        Copies(entries).ShouldBe(["entry 300 is an exact copy of entry 7", "entry 301 is an exact copy of entry 250"]);
    }

    [Fact]
    public void A_Collapse_Defers_Edits_That_Remove_Exactly_The_Other_Entries()
    {
        var entries = Enumerable.Range(0, 6).Select(i => Entry(i % 2 == 0 ? DigestA : DigestB, $"\"annotations\": {{\"org.opencontainers.image.ref.name\": \"tag-{i}\"}}")).ToArray();
        using var temp = Layout(entries);
        var findings = Lint.Run(temp.Path).Findings.Where(f => f.RuleId == "OCI902").ToList();

        findings.Count.ShouldBe(2);
        var fix = findings[0].Fix.ShouldNotBeNull();
        fix.Edits.ShouldBeOfType<DeferredEdits>();
        fix.Description.ShouldBe("drops ref name(s) \"tag-2\", \"tag-4\"");

        // Entries 2 and 4 go: each with the comma before it, from the end of the entry before.
        var edits = fix.Edits.Cast<TextReplacement>().ToList();
        edits.Count.ShouldBe(2);
        edits.ShouldAllBe(e => e.File == "index.json" && e.NewText == "");
        var text = File.ReadAllText(temp.Combine("index.json"));
        text[edits[0].StartOffset..(edits[0].StartOffset + edits[0].Length)].ShouldContain("tag-2");
        text[edits[1].StartOffset..(edits[1].StartOffset + edits[1].Length)].ShouldContain("tag-4");
        fix.Edits[0].ShouldBeSameAs(edits[0]);
    }

    [Fact]
    public void A_Collapse_Names_Two_Entries_As_Both_And_More_As_All()
    {
        string[] entries = [.. Enumerable.Range(0, 5).Select(i => Entry(i < 2 ? DigestA : DigestB, $"\"annotations\": {{\"org.opencontainers.image.ref.name\": \"tag-{i}\"}}"))];
        using var temp = Layout(entries);
        var messages = Lint.Run(temp.Path).Findings.Where(f => f.RuleId == "OCI902").Select(f => f.Message[..f.Message.IndexOf(" sha256:", StringComparison.Ordinal)]).ToList();
        messages.ShouldBe(["entries 0 and 1 both point at", "entries 2, 3, 4 all point at"]);
    }

    [Fact]
    public void Deferred_Edits_Are_Computed_Once_On_First_Read()
    {
        var calls = 0;
        var edit = new TextReplacement("index.json", 1, 2, "", 1, 2, 1, 4);
        var edits = new DeferredEdits(() =>
        {
            calls++;
            return [edit];
        });

        calls.ShouldBe(0);
        edits.Count.ShouldBe(1);
        edits[0].ShouldBe(edit);
        edits.ToList().ShouldBe([edit]);
        calls.ShouldBe(1);
    }

    private static List<string> Copies(string[] entries)
    {
        using var temp = Layout(entries);
        return Lint.Run(temp.Path).Findings.Where(f => f.RuleId == "OCI903").Select(f => f.Message[..f.Message.IndexOf(" (", StringComparison.Ordinal)]).ToList();
    }

    private static TempDir Layout(string[] entries)
    {
        var temp = new TempDir();
        File.WriteAllText(temp.Combine("oci-layout"), "{\"imageLayoutVersion\": \"1.0.0\"}");
        var index = new StringBuilder("{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"application/vnd.oci.image.index.v1+json\",\n  \"manifests\": [\n");
        index.AppendJoin(",\n", entries).Append("\n  ]\n}\n");
        File.WriteAllText(temp.Combine("index.json"), index.ToString());
        Directory.CreateDirectory(temp.Combine("blobs", "sha256"));
        return temp;
    }

    private static string Entry(string digest, string extra) =>
        $"    {{\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\", \"digest\": \"{digest}\", \"size\": 345{(extra.Length > 0 ? ", " + extra : "")}}}";
}
