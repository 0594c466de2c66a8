using System.Formats.Tar;
using System.Text;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Hostile;

/// <summary>Tars that try to escape: each hostile member is a finding, and reading the tar writes nothing anywhere.</summary>
public sealed class HostileTarTests
{
    public enum Member
    {
        DotDot,
        Absolute,
        SymlinkUp,
        SymlinkAbsolute,
        HardLinkAbsolute,
        HardLinkUp,
    }

    public static TheoryData<Member, bool> Cases() => HostileLayout.EachWithFalseAndTrue(Enum.GetValues<Member>());

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_Member_That_Leaves_The_Root_Is_Reported_And_Nothing_Is_Written(Member member, bool gzip)
    {
        using var temp = new TempDir();
        var fifo = HostileLayout.Fifo(temp.Combine("outside"));
        var tar = temp.Combine(gzip ? "layout.tar.gz" : "layout.tar");
        var (name, hostile) = Hostile(member, fifo);
        Write(tar, gzip, hostile);
        var before = Snapshot(temp.Path);

        var result = HostileLayout.RunGuarded(tar, fifo);

        result.Errors.ShouldBeEmpty();
        // A member whose path leaves the root has no place in the layout: the finding is the archive's and names it.
        result.Findings.ShouldContain(f => f.RuleId == "OCI014" && (f.Location.File == name || f.Message.Contains(name, StringComparison.Ordinal)), $"{member}: {string.Join("; ", result.Findings.Select(f => $"{f.RuleId} {f.Location.File}"))}");
        Snapshot(temp.Path).ShouldBe(before, "reading the tar changed files beside it");
        Directory.Exists(temp.Combine("escaped")).ShouldBeFalse();
    }

    // The member's path as the finding names it, and the member.
    private static (string Name, TarEntry Entry) Hostile(Member member, string fifo) => member switch
    {
        Member.DotDot => ("../escaped/evil", File("../escaped/evil")),
        Member.Absolute => ("/tmp/ocilint-absolute-member", File("/tmp/ocilint-absolute-member")),
        Member.SymlinkUp => ("blobs/sha256/up", new PaxTarEntry(TarEntryType.SymbolicLink, "blobs/sha256/up") { LinkName = "../../../outside/outside-fifo" }),
        Member.SymlinkAbsolute => ("blobs/sha256/abs", new PaxTarEntry(TarEntryType.SymbolicLink, "blobs/sha256/abs") { LinkName = fifo }),
        Member.HardLinkAbsolute => ("blobs/sha256/hard", new PaxTarEntry(TarEntryType.HardLink, "blobs/sha256/hard") { LinkName = "/etc/passwd" }),
        _ => ("blobs/sha256/hardup", new PaxTarEntry(TarEntryType.HardLink, "blobs/sha256/hardup") { LinkName = "../../../etc/passwd" }),
    };

    private static PaxTarEntry File(string name) => new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream("x"u8.ToArray()) };

    private static void Write(string path, bool gzip, TarEntry hostile)
    {
        using var file = System.IO.File.Create(path);
        using Stream stream = gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest) : file;
        using var writer = new TarWriter(stream, TarEntryFormat.Pax);
        foreach (var sample in HostileLayout.Files(HostileLayout.Valid))
        {
            writer.WriteEntry(Path.Combine(HostileLayout.Valid, sample), sample);
        }

        writer.WriteEntry(hostile);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "blobs/sha256/after") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("after the hostile member")) });
    }

    private static List<string> Snapshot(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(p => $"{Path.GetRelativePath(root, p)} {(Directory.Exists(p) ? "dir" : new FileInfo(p).Length)}").Order(StringComparer.Ordinal)];
}
