using OciLint.Core.Findings;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Hostile;

/// <summary>
/// Every file of a valid layout, broken in every way a disk, a copy or an attacker breaks it: each run ends with
/// findings that name the damage, never an exception, a hang or a read outside the layout.
/// </summary>
public sealed class BrokenFileTests
{
    public enum Damage
    {
        Empty,
        HalfTruncated,
        FirstBitFlipped,
        MiddleBitFlipped,
        LastBitFlipped,
        Deleted,
        Directory,
        SymlinkOutside,
    }

    public static TheoryData<string, Damage> Cases()
    {
        var data = new TheoryData<string, Damage>();
        foreach (var file in HostileLayout.Files(HostileLayout.Valid))
        {
            foreach (var damage in Enum.GetValues<Damage>())
            {
                data.Add(file, damage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_Broken_File_Gives_Its_Finding(string file, Damage damage)
    {
        using var temp = new TempDir();
        var layout = HostileLayout.CopyValid(temp);
        var fifo = HostileLayout.Fifo(temp.Combine("outside"));
        Break(Path.Combine(layout, file), damage, fifo);

        var result = HostileLayout.RunGuarded(layout, fifo);

        result.Errors.ShouldBeEmpty();
        var found = result.Findings.Where(f => f.Severity is Severity.Error or Severity.Warning).Select(f => f.RuleId).ToHashSet();
        var expected = Expected(file, damage);
        expected.ShouldContain(id => found.Contains(id), $"{file} {damage}: expected {string.Join(" or ", expected)}; found {string.Join(", ", found.Order())}");
    }

    public static TheoryData<string, Damage, bool> TarCases()
    {
        var data = new TheoryData<string, Damage, bool>();
        foreach (var file in HostileLayout.Files(HostileLayout.Valid))
        {
            foreach (var damage in Enum.GetValues<Damage>().Where(d => d < Damage.Directory))
            {
                data.Add(file, damage, false);
                data.Add(file, damage, true);
            }
        }

        return data;
    }

    /// <summary>
    /// The same damage inside a tar, plain (read by seeking) or gzip (read in one streaming pass, then again per
    /// member asked for): an emptied member once threw there.
    /// </summary>
    [Theory]
    [MemberData(nameof(TarCases))]
    public void Each_Broken_File_In_A_Tar_Gives_Its_Finding(string file, Damage damage, bool gzip)
    {
        using var temp = new TempDir();
        var layout = HostileLayout.CopyValid(temp);
        Break(Path.Combine(layout, file), damage, outside: "");
        var tar = temp.Combine(gzip ? "layout.tar.gz" : "layout.tar");
        Fixture.WriteTar(layout, tar, gzip);

        var result = HostileLayout.RunGuarded(tar);

        result.Errors.ShouldBeEmpty();
        var found = result.Findings.Where(f => f.Severity is Severity.Error or Severity.Warning).Select(f => f.RuleId).ToHashSet();
        var expected = Expected(file, damage);
        expected.ShouldContain(id => found.Contains(id), $"{file} {damage} in a {(gzip ? "gzip " : "")}tar: expected {string.Join(" or ", expected)}; found {string.Join(", ", found.Order())}");
    }

    [Fact]
    public void The_Guard_Catches_A_Read_Of_The_Fifo()
    {
        using var temp = new TempDir();
        var fifo = HostileLayout.Fifo(temp.Path);
        var failure = Should.Throw<ShouldAssertException>(() => HostileLayout.Guarded(() => File.ReadAllBytes(fifo), "reading the FIFO", fifo, seconds: 2));
        failure.Message.ShouldContain("a file outside the layout");
    }

    // The rule that must report each damage: blobs are judged by their name and the descriptor's size, the two
    // fixed files by what the spec asks of them.
    private static string[] Expected(string file, Damage damage) => (file, damage) switch
    {
        (_, Damage.SymlinkOutside) when file.StartsWith("blobs/", StringComparison.Ordinal) => ["OCI410"],
        (_, Damage.Directory) when file.StartsWith("blobs/", StringComparison.Ordinal) => ["OCI410", "OCI405"],
        (_, Damage.Deleted) when file.StartsWith("blobs/", StringComparison.Ordinal) => ["OCI405"],
        (_, Damage.Empty or Damage.HalfTruncated) when file.StartsWith("blobs/", StringComparison.Ordinal) => ["OCI407"],
        (_, _) when file.StartsWith("blobs/", StringComparison.Ordinal) => ["OCI406"],
        ("index.json", Damage.Deleted) => ["OCI008"],
        ("index.json", Damage.Directory or Damage.SymlinkOutside) => ["OCI009"],
        ("index.json", _) => ["OCI101", "OCI102", "OCI103", "OCI201", "OCI202", "OCI205", "OCI301", "OCI302", "OCI303", "OCI401", "OCI405", "OCI407"],
        ("oci-layout", Damage.Deleted) => ["OCI002"],
        ("oci-layout", Damage.Directory or Damage.SymlinkOutside) => ["OCI003"],
        ("oci-layout", _) => ["OCI004", "OCI005", "OCI006", "OCI103"],
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "a file the sample does not have"),
    };

    private static void Break(string path, Damage damage, string outside)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case Damage.Empty:
                File.WriteAllBytes(path, []);
                break;
            case Damage.HalfTruncated:
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case Damage.FirstBitFlipped or Damage.MiddleBitFlipped or Damage.LastBitFlipped:
                var at = damage switch { Damage.FirstBitFlipped => 0, Damage.MiddleBitFlipped => bytes.Length / 2, _ => bytes.Length - 1 };
                bytes[at] ^= 0x01;
                File.WriteAllBytes(path, bytes);
                break;
            case Damage.Deleted:
                File.Delete(path);
                break;
            case Damage.Directory:
                File.Delete(path);
                Directory.CreateDirectory(path);
                File.WriteAllBytes(Path.Combine(path, "content"), bytes);
                break;
            case Damage.SymlinkOutside:
                File.Delete(path);
                File.CreateSymbolicLink(path, outside);
                break;
        }
    }
}
