using System.Formats.Tar;
using OciLint.Core.Findings;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Hostile;

/// <summary>
/// Tars damaged as archives: cut short inside a member, or their compressed bytes overwritten. A member the archive
/// ends inside is not part of the layout, nothing reads past the damage, and the run ends with findings.
/// </summary>
public sealed class DamagedTarTests
{
    public static TheoryData<string> Files() => [.. HostileLayout.Files(HostileLayout.Valid)];

    [Theory]
    [MemberData(nameof(Files))]
    public void A_Tar_Cut_Inside_A_Member_Reports_The_Cut_And_Leaves_The_Member_Out(string file)
    {
        using var temp = new TempDir();
        var tar = temp.Combine("layout.tar");
        WriteWithLast(tar, file, gzip: false);
        long cut;
        using (var stream = File.OpenRead(tar))
        using (var reader = new TarReader(stream))
        {
            TarEntry? last = null;
            while (reader.GetNextEntry() is { } member)
            {
                last = member;
            }

            cut = last!.DataOffset + (last.Length / 2);
        }

        using (var stream = new FileStream(tar, FileMode.Open))
        {
            stream.SetLength(cut);
        }

        var result = HostileLayout.RunGuarded(tar);

        result.Errors.ShouldBeEmpty();
        var found = result.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.RuleId).ToHashSet();
        found.ShouldContain("OCI001");
        // Half a blob is no blob: it is missing, not a blob of the wrong size or digest.
        if (file.StartsWith("blobs/", StringComparison.Ordinal))
        {
            found.ShouldContain("OCI405");
        }

        found.ShouldNotContain("OCI406");
        found.ShouldNotContain("OCI407");
    }

    public static TheoryData<double, bool> GzipDamages() => HostileLayout.EachWithFalseAndTrue([0.2, 0.4, 0.6, 0.8, 0.95]);

    /// <summary>The decompressor fails at other members on the second read than on the first: every read of a member must turn that into a finding.</summary>
    [Theory]
    [MemberData(nameof(GzipDamages))]
    public void A_Damaged_Gzip_Tar_Gives_Findings(double at, bool cut)
    {
        using var temp = new TempDir();
        var tar = temp.Combine("layout.tar.gz");
        WriteWithLast(tar, "index.json", gzip: true);
        var bytes = File.ReadAllBytes(tar);
        var position = (int)(at * bytes.Length);
        if (cut)
        {
            bytes = bytes[..position];
        }
        else
        {
            bytes.AsSpan(position, Math.Min(8, bytes.Length - position)).Fill(0xA5);
        }

        File.WriteAllBytes(tar, bytes);

        var result = HostileLayout.RunGuarded(tar);

        result.Errors.ShouldBeEmpty();
        var found = result.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.RuleId).ToHashSet();
        found.ShouldContain("OCI001", $"cut={cut} at={at}: {string.Join(", ", found)}");
        if (cut)
        {
            // What was cut is left out, not read as a blob of the wrong size or content.
            found.ShouldNotContain("OCI406");
            found.ShouldNotContain("OCI407");
        }
    }

    public enum Trailer
    {
        Cut3,
        Cut4,
        Cut8,
        Cut12,
        CrcFlipped,
        LengthFlipped,
        GarbageAfter,
        TwoMembers,
        EmptyMemberAfter,
        ZerosAfter,
    }

    /// <summary>
    /// .NET's decompressor ends quietly where the data stops, so the trailer is checked against the decoded data:
    /// what GNU tar rejects is OCI001, while several gzip members (bgzip, pigz --independent) and zero padding pass.
    /// </summary>
    [Theory]
    [InlineData(Trailer.Cut3, true)]
    [InlineData(Trailer.Cut4, true)]
    [InlineData(Trailer.Cut8, true)]
    [InlineData(Trailer.Cut12, true)]
    [InlineData(Trailer.CrcFlipped, true)]
    [InlineData(Trailer.LengthFlipped, true)]
    [InlineData(Trailer.GarbageAfter, true)]
    [InlineData(Trailer.TwoMembers, false)]
    [InlineData(Trailer.EmptyMemberAfter, false)]
    [InlineData(Trailer.ZerosAfter, false)]
    public void The_Gzip_Trailer_Is_Checked(Trailer trailer, bool damaged)
    {
        using var temp = new TempDir();
        var plain = temp.Combine("layout.tar");
        Fixture.WriteTar(HostileLayout.Valid, plain);
        var tar = File.ReadAllBytes(plain);
        var gz = RawTar.Gzip(tar);
        var bytes = trailer switch
        {
            Trailer.Cut3 => gz[..^3],
            Trailer.Cut4 => gz[..^4],
            Trailer.Cut8 => gz[..^8],
            Trailer.Cut12 => gz[..^12],
            Trailer.CrcFlipped => Flip(gz, gz.Length - 8),
            Trailer.LengthFlipped => Flip(gz, gz.Length - 4),
            Trailer.GarbageAfter => [.. gz, .. "trailing garbage\n"u8],
            Trailer.TwoMembers => [.. RawTar.Gzip(tar[..1500]), .. RawTar.Gzip(tar[1500..])],
            Trailer.EmptyMemberAfter => [.. gz, .. RawTar.Gzip([])],
            _ => [.. gz, .. new byte[4096]],
        };
        var path = temp.Combine("layout.tar.gz");
        File.WriteAllBytes(path, bytes);

        var result = HostileLayout.RunGuarded(path);

        result.Errors.ShouldBeEmpty();
        var unreadable = result.Findings.Where(f => f.RuleId == "OCI001").ToList();
        if (damaged)
        {
            unreadable.ShouldNotBeEmpty(trailer.ToString());
        }
        else
        {
            unreadable.ShouldBeEmpty(trailer.ToString());
            result.Findings.ShouldNotContain(f => f.Severity == Severity.Error, HostileLayout.Describe(result));
        }

        static byte[] Flip(byte[] bytes, int at)
        {
            var copy = bytes.ToArray();
            copy[at] ^= 0x01;
            return copy;
        }
    }

    public static TheoryData<string, bool> Headers() => HostileLayout.EachWithFalseAndTrue(["gnu-sparse", "pax-8-gib", "long-name-8-gib", "pax-size-overflow", "pax-2-mib"]);

    /// <summary>
    /// Headers System.Formats.Tar refuses with other exceptions than InvalidDataException, and metadata too large
    /// to read (TarHeaderGuard): each is OCI001.
    /// </summary>
    [Theory]
    [MemberData(nameof(Headers))]
    public void A_Header_The_Tar_Reader_Refuses_Is_An_Unreadable_Archive(string header, bool gzip)
    {
        using var temp = new TempDir();
        var plain = temp.Combine("layout.tar");
        Fixture.WriteTar(HostileLayout.Valid, plain);
        var valid = File.ReadAllBytes(plain)[..^1024]; // without the end-of-archive blocks
        byte[] member = header switch
        {
            "gnu-sparse" => [.. RawTar.Header("sparse", 'S', 100_000), .. new byte[1024]],
            "pax-8-gib" => [.. RawTar.Header("pax", 'x', 8L * 1024 * 1024 * 1024 - 1), .. new byte[1024]],
            "long-name-8-gib" => [.. RawTar.Header("././@LongLink", 'L', 8L * 1024 * 1024 * 1024 - 1), .. new byte[1024]],
            "pax-2-mib" => [.. RawTar.Header("pax", 'x', 2 * 1024 * 1024), .. new byte[1024]],
            _ => [.. RawTar.Pax("size", "99999999999999999999"), .. RawTar.Header("big", '0', 0)],
        };
        byte[] tar = [.. valid, .. member, .. new byte[1024]];
        var path = temp.Combine(gzip ? "bad.tar.gz" : "bad.tar");
        File.WriteAllBytes(path, gzip ? RawTar.Gzip(tar) : tar);

        var result = HostileLayout.RunGuarded(path);

        result.Errors.ShouldBeEmpty();
        result.Findings.ShouldContain(f => f.RuleId == "OCI001" && f.Severity == Severity.Error);
    }

    [Fact]
    public void An_Empty_File_Is_Not_A_Tar()
    {
        using var temp = new TempDir();
        var path = temp.Combine("empty.tar");
        File.WriteAllBytes(path, []);

        var result = HostileLayout.RunGuarded(path);

        result.Findings.ShouldContain(f => f.RuleId == "OCI001" && f.Message.Contains("the file is empty", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Empty_Duplicate_Members_Are_Identical_Copies_In_Either_Form(bool gzip)
    {
        using var temp = new TempDir();
        var plain = temp.Combine("layout.tar");
        Fixture.WriteTar(HostileLayout.Valid, plain);
        var empty = RawTar.Header("extra.txt", '0', 0);
        byte[] tar = [.. File.ReadAllBytes(plain)[..^1024], .. empty, .. empty, .. new byte[1024]];
        var path = temp.Combine(gzip ? "dup.tar.gz" : "dup.tar");
        File.WriteAllBytes(path, gzip ? RawTar.Gzip(tar) : tar);

        var result = HostileLayout.RunGuarded(path);

        result.Findings.Where(f => f.RuleId == "OCI015").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warning);
    }

    /// <summary>
    /// An index.json too large to keep in memory is read through, not kept, by the indexing pass, and read again
    /// when it is parsed: the damage is the archive's finding and the index's, never an exception.
    /// </summary>
    [Fact]
    public void Damage_Inside_A_Member_Read_Again_Is_Reported()
    {
        using var temp = new TempDir();
        var tar = temp.Combine("layout.tar.gz");
        var padding = new byte[3 << 20];
        new Random(7).NextBytes(padding);
        var index = $"{{\"schemaVersion\":2,\"manifests\":[],\"annotations\":{{\"padding\":\"{Convert.ToHexString(padding)}\"}}}}";
        using (var file = File.Create(tar))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            writer.WriteEntry(Path.Combine(HostileLayout.Valid, "oci-layout"), "oci-layout");
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "index.json") { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(index)) });
        }

        var bytes = File.ReadAllBytes(tar);
        bytes.AsSpan(bytes.Length / 2, 64).Fill(0xA5);
        File.WriteAllBytes(tar, bytes);

        var result = HostileLayout.RunGuarded(tar);

        result.Errors.ShouldBeEmpty();
        result.Findings.ShouldContain(f => f.RuleId == "OCI001" && f.Message.Contains("invalid deflate data or CRC-32 mismatch", StringComparison.Ordinal), HostileLayout.Describe(result));
    }

    // A large incompressible blob first, so that the damage lands inside member data, not only in headers.
    private static void WriteWithLast(string tar, string last, bool gzip)
    {
        using var file = File.Create(tar);
        using Stream stream = gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest) : file;
        using var writer = new TarWriter(stream, TarEntryFormat.Pax);
        var random = new byte[1 << 20];
        new Random(7).NextBytes(random);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "blobs/sha256/" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(random))) { DataStream = new MemoryStream(random) });
        foreach (var name in HostileLayout.Files(HostileLayout.Valid).Where(f => f != last).Append(last))
        {
            writer.WriteEntry(Path.Combine(HostileLayout.Valid, name), name);
        }
    }
}
