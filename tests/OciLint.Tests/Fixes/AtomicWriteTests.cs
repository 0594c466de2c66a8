using System.Formats.Tar;
using OciLint.Core.Fixes;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;
using static OciLint.Tests.Support.FixLayouts;

namespace OciLint.Tests.Fixes;

/// <summary>Crash safety: whatever happens between the temporary file and the rename, a file is entirely old or entirely new.</summary>
public sealed class AtomicWriteTests
{
    [Fact]
    public void Failure_Between_Temporary_File_And_Rename_Leaves_The_Old_Layout()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1"), Entry("latest")));
        var old = File.ReadAllBytes(Path.Combine(layout, "index.json"));
        var plan = FixSupport.Plan(layout, ["OCI902"]);
        var seen = new List<(byte[] Target, byte[] Temporary)>();

        var failure = Should.Throw<IOException>(() => LayoutFixWriter.WriteFolder(layout, plan, beforeRename: tempFile =>
        {
            // The instant before the rename: the target is still all old, the temporary file already all new.
            seen.Add((File.ReadAllBytes(Path.Combine(layout, "index.json")), File.ReadAllBytes(tempFile)));
            throw new IOException("injected: power cut before rename");
        }));

        failure.Message.ShouldContain("injected");
        seen.Single().Target.ShouldBe(old);
        seen.Single().Temporary.ShouldBe(plan.Changes.Single().After);
        File.ReadAllBytes(Path.Combine(layout, "index.json")).ShouldBe(old, "a failed write leaves the old file, whole");
        Directory.GetFiles(layout).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList().ShouldBe(["index.json", "oci-layout"], "the temporary file is removed");
        Lint.Run(layout).Findings.ShouldContain(f => f.RuleId == "OCI902");

        LayoutFixWriter.WriteFolder(layout, plan);

        File.ReadAllBytes(Path.Combine(layout, "index.json")).ShouldBe(plan.Changes.Single().After, "the retried write puts the new file, whole");
        Lint.Run(layout).Findings.ShouldNotContain(f => f.RuleId == "OCI902");
    }

    [Fact]
    public void A_Created_File_Never_Overwrites_One_That_Appeared_Meanwhile()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1")));
        var ociLayout = Path.Combine(layout, "oci-layout");
        File.Delete(ociLayout);
        var plan = FixSupport.Plan(layout, ["OCI002"]);

        Should.Throw<IOException>(() => LayoutFixWriter.WriteFolder(layout, plan, beforeRename: _ => File.WriteAllText(ociLayout, "{\"imageLayoutVersion\":\"someone else's\"}")));

        File.ReadAllText(ociLayout).ShouldBe("{\"imageLayoutVersion\":\"someone else's\"}");
    }

    [Fact]
    public void A_File_Changed_Since_The_Plan_Stops_The_Write()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1"), Entry("v1")));
        var plan = FixSupport.Plan(layout, ["OCI903"]);
        var edited = Index(Entry("v1"), Entry("v1"), Entry("v2"));
        File.WriteAllText(Path.Combine(layout, "index.json"), edited);

        Should.Throw<FixWriteException>(() => LayoutFixWriter.WriteFolder(layout, plan)).Message.ShouldContain("changed while it was being fixed");

        File.ReadAllText(Path.Combine(layout, "index.json")).ShouldBe(edited);
    }

    [Fact]
    public void Replaced_File_Keeps_Its_Permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1"), Entry("v1")));
        var index = Path.Combine(layout, "index.json");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(index, mode);

        LayoutFixWriter.WriteFolder(layout, FixSupport.Plan(layout, ["OCI903"]));

        File.GetUnixFileMode(index).ShouldBe(mode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Tar_Is_Written_Anew_With_The_Same_Members_In_The_Same_Order(bool gzip)
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("latest")));
        var input = temp.Combine(gzip ? "in.tar.gz" : "in.tar");
        Fixture.WriteTar(layout, temp.Combine("in.tar"));
        if (gzip)
        {
            using var plain = File.OpenRead(temp.Combine("in.tar"));
            using var file = File.Create(input);
            using var compressed = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
            plain.CopyTo(compressed);
        }

        var inputBytes = File.ReadAllBytes(input);
        var output = temp.Combine(gzip ? "out.tar.gz" : "out.tar");
        var plan = FixSupport.Plan(input, ["OCI902"]);

        Should.Throw<FixWriteException>(() => LayoutFixWriter.WriteTar(input, input, plan));
        LayoutFixWriter.WriteTar(input, output, plan);

        File.ReadAllBytes(input).ShouldBe(inputBytes, "the input archive is never touched");
        var before = Members(input, gzip);
        var after = Members(output, gzip);
        after.Select(m => (m.Name, m.Type, m.Mode, m.Modified)).ShouldBe(before.Select(m => (m.Name, m.Type, m.Mode, m.Modified)));
        for (var i = 0; i < before.Count; i++)
        {
            after[i].Data.ShouldBe(before[i].Name == "index.json" ? plan.Changes.Single().After : before[i].Data, before[i].Name);
        }

        Lint.Run(output).Findings.ShouldNotContain(f => f.RuleId == "OCI902");
    }

    private static List<(string Name, TarEntryType Type, UnixFileMode Mode, DateTimeOffset Modified, byte[] Data)> Members(string tar, bool gzip)
    {
        using var file = File.OpenRead(tar);
        using Stream stream = gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress) : file;
        using var reader = new TarReader(stream);
        var members = new List<(string, TarEntryType, UnixFileMode, DateTimeOffset, byte[])>();
        while (reader.GetNextEntry() is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            members.Add((entry.Name, entry.EntryType, entry.Mode, entry.ModificationTime, data.ToArray()));
        }

        return members;
    }
}
