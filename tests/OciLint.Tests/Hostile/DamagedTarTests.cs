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

    public static TheoryData<bool, double> GzipDamages()
    {
        var data = new TheoryData<bool, double>();
        foreach (var at in new[] { 0.2, 0.4, 0.6, 0.8, 0.95 })
        {
            data.Add(true, at);
            data.Add(false, at);
        }

        return data;
    }

    /// <summary>The decompressor fails at other members on the second read than on the first: every read of a member must turn that into a finding.</summary>
    [Theory]
    [MemberData(nameof(GzipDamages))]
    public void A_Damaged_Gzip_Tar_Gives_Findings(bool cut, double at)
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
        result.Findings.ShouldContain(f => f.Severity == Severity.Error, $"cut={cut} at={at}");
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
        result.Findings.ShouldContain(f => f.RuleId == "OCI001" && f.Message.Contains("invalid deflate data or CRC-32 mismatch", StringComparison.Ordinal), string.Join("\n", result.Findings.Select(f => $"{f.RuleId} {f.Message}")));
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
