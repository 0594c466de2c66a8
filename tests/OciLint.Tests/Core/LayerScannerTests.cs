using System.Security.Cryptography;
using System.Text;
using OciLint.Core.Deep;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;
using ZstdSharp;

namespace OciLint.Tests.Core;

/// <summary>The deep pass on layers the fixtures cannot hold: a decompression bomb, and a blob referenced under two media types.</summary>
public sealed class LayerScannerTests
{
    [Fact]
    public void Decompression_Bomb_Is_Cut_Off_With_A_Warning()
    {
        using var temp = new TempDir();

        // 1.1 GiB of zeros after a tiny tar: far beyond the 100:1 guard once the first GiB is decoded.
        var layer = Zstd(writer =>
        {
            writer.Write(Tar("bomb.txt", "x"u8.ToArray()));
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1100; i++)
            {
                writer.Write(zeros);
            }
        });
        layer.Length.ShouldBeLessThan(1 << 20);
        var layout = Layout(temp.Combine("layout"), layer, "application/vnd.oci.image.layer.v1.tar+zstd", "sha256:" + new string('0', 64));

        var result = Lint.Run(layout, new RuleConfiguration(), new LintSettings { Deep = true });

        var finding = result.Findings.Where(f => f.RuleId == "OCI413").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldContain("decoding stopped");
        result.Findings.ShouldNotContain(f => f.RuleId == "OCI514", "a layer cut off is not verified, so no DiffID finding");
        result.Model!.Layers.All.ShouldHaveSingleItem().Outcome.ShouldBe(LayerScanOutcome.LimitExceeded);
    }

    [Fact]
    public void Blob_Declared_Under_Two_Media_Types_Is_Scanned_Once_Per_Type()
    {
        using var temp = new TempDir();
        var tar = Tar("hello.txt", "hello\n"u8.ToArray());
        var layout = Layout(temp.Combine("layout"), tar, "application/vnd.oci.image.layer.v1.tar", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar)), alsoAs: "application/vnd.oci.image.layer.v1.tar+gzip");

        var result = Lint.Run(layout, new RuleConfiguration(), new LintSettings { Deep = true });

        result.Model!.Layers.All.Select(s => s.Compression).Order().ShouldBe([LayerCompression.None, LayerCompression.Gzip]);
        result.Findings.Where(f => f.RuleId == "OCI413").Select(f => f.Location.Pointer).ShouldBe(["/layers/1"], "the same bytes are a valid tar and an invalid gzip");
        result.Findings.ShouldNotContain(f => f.RuleId == "OCI514" && f.Location.Pointer == "/rootfs/diff_ids/0");
    }

    [Fact]
    public void Tar_Reader_Gives_The_Same_Result_Whatever_The_Chunk_Sizes()
    {
        var name = "dir/" + new string('x', 150);
        var tar = Concat(Unterminated(Tar(name, "one"u8.ToArray())), Unterminated(Tar("./" + name, "two"u8.ToArray())), Tar("etc/.wh.", []));
        var random = new Random(7);
        foreach (var chunk in new[] { tar.Length, 1, 7, 511, 512, 513 })
        {
            var scanner = new TarScanner();
            for (var offset = 0; offset < tar.Length;)
            {
                var size = Math.Min(chunk == 7 ? random.Next(1, 2000) : chunk, tar.Length - offset);
                scanner.Feed(tar.AsSpan(offset, size));
                offset += size;
            }

            scanner.Failure.ShouldBeNull();
            scanner.Entries.ShouldBe(3);
            scanner.Duplicates.ShouldBe([name], $"chunks of {chunk}");
            scanner.BareWhiteouts.ShouldBe(["etc/.wh."]);
            scanner.Finish().MissingEnd.ShouldBeFalse();
        }
    }

    [Fact]
    public void Tar_Reader_Rejects_A_Lone_Zero_Block_Followed_By_Entries()
    {
        var first = Tar("a.txt", "a"u8.ToArray());
        var tar = Concat(Unterminated(first), new byte[512], Tar("b.txt", "b"u8.ToArray()));
        var scanner = new TarScanner();
        scanner.Feed(tar);
        scanner.Failure.ShouldNotBeNull().ShouldContain("single zero block");
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>A tar without its two zero blocks, to append more members.</summary>
    private static byte[] Unterminated(byte[] tar) => tar[..^1024];

    private static byte[] Zstd(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        using (var zstd = new CompressionStream(buffer, 3))
        {
            write(zstd);
        }

        return buffer.ToArray();
    }

    private static byte[] Tar(string name, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(buffer, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }

        return buffer.ToArray();
    }

    /// <summary>A layout with one manifest whose layers are the blob (under its media type, and optionally a second one) and a config listing diffId.</summary>
    private static string Layout(string folder, byte[] layer, string mediaType, string diffId, string? alsoAs = null)
    {
        var blobs = Path.Combine(folder, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        string Put(byte[] bytes)
        {
            var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
            File.WriteAllBytes(Path.Combine(blobs, hex), bytes);
            return "sha256:" + hex;
        }

        var layerDigest = Put(layer);
        var diffIds = alsoAs is null ? $"\"{diffId}\"" : $"\"{diffId}\",\"{diffId}\"";
        var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[""" + diffIds + "]}}");
        var configDigest = Put(config);
        var layers = $$"""{"mediaType":"{{mediaType}}","digest":"{{layerDigest}}","size":{{layer.Length}}}""";
        if (alsoAs is not null)
        {
            layers += $$""",{"mediaType":"{{alsoAs}}","digest":"{{layerDigest}}","size":{{layer.Length}}}""";
        }

        var manifest = Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{configDigest}}","size":{{config.Length}}},"layers":[{{layers}}]}""");
        var manifestDigest = Put(manifest);
        File.WriteAllText(Path.Combine(folder, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        File.WriteAllText(Path.Combine(folder, "index.json"), $$"""{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{manifestDigest}}","size":{{manifest.Length}}}]}""");
        return folder;
    }
}
