using System.Diagnostics;
using System.Text;
using OciLint.Core.Blobs;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Layout;
using OciLint.Rules;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Core;

public sealed class BlobVerifierTests
{
    private static readonly string[] BlobRules = ["OCI309", "OCI402", "OCI403", "OCI404", "OCI405", "OCI406", "OCI407", "OCI408", "OCI409", "OCI410", "OCI411", "OCI412"];

    [Fact]
    public void Parallel_Hashing_Gives_The_Digest_Of_Every_Blob()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);

        // Sizes around the 1 MiB read buffer, and empty content.
        int[] sizes = [0, 1, 4095, BlobVerifier.BufferSize - 1, BlobVerifier.BufferSize, BlobVerifier.BufferSize + 1, (3 * BlobVerifier.BufferSize) + 17];
        var layers = new List<Dictionary<string, object>>();
        var contents = new Dictionary<string, byte[]>();
        for (var i = 0; i < 40; i++)
        {
            var content = BlobTestLayout.Random(sizes[i % sizes.Length] + (i / sizes.Length), i);
            var descriptor = layout.Blob(content);
            layers.Add(descriptor);
            contents[(string)descriptor["digest"]] = content;
        }

        layout.Index(layout.Manifest([.. layers]));

        // Corrupt two blobs, keeping their length.
        var corrupted = contents.Where(c => c.Value.Length > 10).Take(2).Select(c => c.Key).ToList();
        foreach (var digest in corrupted)
        {
            var bytes = contents[digest].ToArray();
            bytes[bytes.Length / 2] ^= 0x40;
            File.WriteAllBytes(Path.Combine(temp.Path, BlobTestLayout.PathOf(digest)), bytes);
        }

        var blobs = Run(temp.Path, new LintSettings { Jobs = 4 }).Model!.Blobs;

        blobs.Hashed.ShouldBeTrue();
        foreach (var (digest, content) in contents)
        {
            var record = blobs.For(digest)!;
            if (corrupted.Contains(digest))
            {
                record.Mismatch.ShouldBeTrue(digest);
                record.ComputedDigest.ShouldNotBe(digest);
            }
            else
            {
                record.Verified.ShouldBeTrue(digest);
                record.ComputedDigest.ShouldBe(BlobTestLayout.Sha256(content));
            }
        }

        blobs.Records.Count(r => r.Mismatch).ShouldBe(2);
    }

    [Fact]
    public void Large_Layouts_Are_Hashed_In_The_Background_And_Lint_Waits_For_It()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);

        // Over the 32 MiB below which hashing is done before the rules run.
        var big = new byte[40 * 1024 * 1024];
        for (var i = 0; i < big.Length; i += 4096)
        {
            big[i] = (byte)(i / 4096);
        }

        var corrupt = BlobTestLayout.Random(1000, 19);
        var layers = new[] { layout.Blob(big), layout.Blob(corrupt) };
        layout.Index(layout.Manifest(layers));
        File.WriteAllBytes(Path.Combine(temp.Path, BlobTestLayout.PathOf((string)layers[1]["digest"])), BlobTestLayout.Random(1000, 20));

        LintResult result;
        using (var source = LayoutSources.Open(temp.Path))
        {
            result = new Linter(BuiltInRules.Rules, new RuleConfiguration().Set("*", Severity.Off)).Lint(source, new LintSettings { Jobs = 2 });
        }

        // No rule read the table, so only Lint's own wait can have finished the hashing before the source closed.
        var blobs = result.Model!.Blobs;
        blobs.For((string)layers[0]["digest"])!.ComputedDigest.ShouldBe(BlobTestLayout.Sha256(big));
        blobs.For((string)layers[1]["digest"])!.Mismatch.ShouldBeTrue();
        blobs.Records.ShouldAllBe(r => r.Error == null);
        Run(temp.Path, new LintSettings()).Findings.Where(f => f.RuleId == "OCI406").Select(f => f.Location.File).ShouldBe([BlobTestLayout.PathOf((string)layers[1]["digest"])]);
    }

    [Fact]
    public void Each_Blob_Is_Opened_Once_However_Often_It_Is_Referenced()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);
        var shared = layout.Blob(BlobTestLayout.Random(300_000, 1));
        var first = layout.Manifest(shared, layout.Blob(BlobTestLayout.Random(10, 2)));
        var second = layout.Manifest(shared, shared);
        layout.Index(first, first, second);

        using var source = new CountingSource(LayoutSources.Open(temp.Path));
        var result = new Linter(BuiltInRules.Rules, new RuleConfiguration()).Lint(source, new LintSettings { Jobs = 2 });

        // Three descriptors: the manifest listed twice in index.json is parsed once.
        result.Model!.Blobs.For((string)shared["digest"])!.References.Count.ShouldBe(3);
        result.Model.Blobs.Records.ShouldAllBe(r => r.Verified);
        foreach (var (path, opens) in source.Opens)
        {
            opens.ShouldBe(1, $"{path} was opened {opens} times");
        }

        source.OpensOf(BlobTestLayout.PathOf((string)shared["digest"])).ShouldBe(1);
    }

    [Fact]
    public void A_Blob_Whose_Size_Disagrees_Is_Not_Hashed()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);
        var layer = layout.Blob(BlobTestLayout.Random(5000, 3));
        var digest = (string)layer["digest"];
        layer["size"] = 4999L;
        layout.Index(layout.Manifest(layer));

        using var source = new CountingSource(LayoutSources.Open(temp.Path));
        var result = new Linter(BuiltInRules.Rules, new RuleConfiguration()).Lint(source);

        var record = result.Model!.Blobs.For(digest)!;
        record.Skipped.ShouldBe(HashSkip.SizeMismatch);
        record.Computed.ShouldBeEmpty();
        source.OpensOf(BlobTestLayout.PathOf(digest)).ShouldBe(0);
        result.Findings.ShouldContain(f => f.RuleId == "OCI407" && f.Location.Pointer == "/layers/0/size");
        result.Findings.ShouldNotContain(f => f.RuleId == "OCI406");
    }

    [Theory]
    [InlineData("sha256:../../../outside/secret")]
    [InlineData("sha256:..%2f..%2foutside")]
    [InlineData("../../outside/secret")]
    [InlineData("sha256:/etc/passwd")]
    [InlineData("sha256/../../../outside:secret")]
    public void Traversal_Digests_Never_Reach_The_File_System(string digest)
    {
        using var temp = new TempDir();
        var root = temp.Combine("layout");
        Directory.CreateDirectory(temp.Combine("outside"));
        File.WriteAllText(temp.Combine("outside", "secret"), "not yours");
        var layout = new BlobTestLayout(root);
        layout.Index(BlobTestLayout.Descriptor("application/vnd.oci.image.manifest.v1+json", digest, 9));

        using var source = new CountingSource(LayoutSources.Open(root));
        var result = new Linter(BuiltInRules.Rules, new RuleConfiguration()).Lint(source);

        source.Lookups.ShouldNotContain(p => p.Contains("..", StringComparison.Ordinal) || p.Contains("outside", StringComparison.Ordinal));
        source.Opens.Keys.ShouldBe(["oci-layout", "index.json"], ignoreOrder: true);
        result.Model!.Blobs.Records.ShouldBeEmpty();
        result.Findings.ShouldContain(f => f.RuleId == "OCI401" && f.Location.Pointer == "/manifests/0/digest");
        result.Findings.ShouldNotContain(f => f.RuleId == "OCI405");
    }

    [Fact]
    public async Task A_Fifo_Is_Reported_And_Never_Opened()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);
        var digest = BlobTestLayout.Sha256(Encoding.UTF8.GetBytes("never written"));
        layout.Index(layout.Manifest(BlobTestLayout.Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", digest, 13)));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(temp.Path, BlobTestLayout.PathOf(digest))))
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.ShouldBe(0);
        }

        using var source = new CountingSource(LayoutSources.Open(temp.Path));
        var run = Task.Run(() => new Linter(BuiltInRules.Rules, new RuleConfiguration().Set("OCI411", null)).Lint(source));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        var record = result.Model!.Blobs.For(digest)!;
        record.Kind.ShouldBe(BlobFileKind.Special);
        record.Skipped.ShouldBe(HashSkip.NoContent);
        source.OpensOf(BlobTestLayout.PathOf(digest)).ShouldBe(0);
        result.Findings.ShouldContain(f => f.RuleId == "OCI410" && f.Location.File == BlobTestLayout.PathOf(digest) && f.Severity == Severity.Error);
    }

    [Fact]
    public void Symlinks_Are_Followed_Only_Inside_The_Layout()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var temp = new TempDir();
        var root = temp.Combine("layout");
        var layout = new BlobTestLayout(root);
        var inside = BlobTestLayout.Random(2000, 4);
        var outside = BlobTestLayout.Random(3000, 5);
        var insideDigest = BlobTestLayout.Sha256(inside);
        var outsideDigest = BlobTestLayout.Sha256(outside);
        var danglingDigest = BlobTestLayout.Sha256([1, 2, 3]);
        File.WriteAllBytes(Path.Combine(root, "blobs", "sha256", "stored-elsewhere"), inside);
        File.CreateSymbolicLink(Path.Combine(root, BlobTestLayout.PathOf(insideDigest)), "stored-elsewhere");
        File.WriteAllBytes(temp.Combine("outside.bin"), outside);
        File.CreateSymbolicLink(Path.Combine(root, BlobTestLayout.PathOf(outsideDigest)), temp.Combine("outside.bin"));
        File.CreateSymbolicLink(Path.Combine(root, "blobs", "sha256", "relative-escape"), "../../../outside.bin");
        File.CreateSymbolicLink(Path.Combine(root, BlobTestLayout.PathOf(danglingDigest)), "nothing-here");
        layout.Index(layout.Manifest(
            BlobTestLayout.Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", insideDigest, inside.Length),
            BlobTestLayout.Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", outsideDigest, outside.Length),
            BlobTestLayout.Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", danglingDigest, 3)));

        using var source = new CountingSource(LayoutSources.Open(root));
        var result = new Linter(BuiltInRules.Rules, new RuleConfiguration()).Lint(source);
        var blobs = result.Model!.Blobs;

        blobs.For(insideDigest)!.Link.ShouldBe(LinkResolution.InLayout);
        blobs.For(insideDigest)!.Verified.ShouldBeTrue();
        blobs.For(outsideDigest)!.Link.ShouldBe(LinkResolution.LeavesLayout);
        blobs.For(outsideDigest)!.Computed.ShouldBeEmpty();
        blobs["blobs/sha256/relative-escape"]!.Link.ShouldBe(LinkResolution.LeavesLayout);
        blobs.For(danglingDigest)!.Link.ShouldBe(LinkResolution.Dangling);
        var outsideHex = outsideDigest["sha256:".Length..];
        source.Opens.Keys.ShouldAllBe(p => !p.Contains(outsideHex, StringComparison.Ordinal) && p != "blobs/sha256/relative-escape");

        var oci410 = result.Findings.Where(f => f.RuleId == "OCI410").ToDictionary(f => f.Location.File, f => f.Severity);
        oci410[BlobTestLayout.PathOf(insideDigest)].ShouldBe(Severity.Warning);
        oci410[BlobTestLayout.PathOf(outsideDigest)].ShouldBe(Severity.Error);
        oci410[BlobTestLayout.PathOf(danglingDigest)].ShouldBe(Severity.Error);
        oci410["blobs/sha256/relative-escape"].ShouldBe(Severity.Error);
        result.Findings.ShouldNotContain(f => f.RuleId == "OCI405");
    }

    [Fact]
    public void A_Symlinked_Algorithm_Folder_Is_Reported_Once_And_Not_Descended()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var temp = new TempDir();
        var root = temp.Combine("layout");
        var layout = new BlobTestLayout(root);
        layout.Index(layout.Manifest(layout.Blob(BlobTestLayout.Random(100, 6)), layout.Blob(BlobTestLayout.Random(100, 7))));
        Directory.Move(Path.Combine(root, "blobs", "sha256"), temp.Combine("elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(root, "blobs", "sha256"), temp.Combine("elsewhere"));

        using var source = new CountingSource(LayoutSources.Open(root));
        var result = new Linter(BuiltInRules.Rules, new RuleConfiguration()).Lint(source);

        result.Findings.Where(f => f.RuleId == "OCI410").Select(f => f.Location.File).ShouldBe(["blobs/sha256"]);
        result.Findings.ShouldNotContain(f => f.RuleId == "OCI405");
        source.Opens.Keys.ShouldBe(["oci-layout", "index.json"], ignoreOrder: true);
    }

    [Fact]
    public void Tar_And_Compressed_Tar_Give_The_Folder_Results()
    {
        using var temp = new TempDir();
        var root = temp.Combine("layout");
        var layout = new BlobTestLayout(root);
        var big = layout.Blob(BlobTestLayout.Random((5 * 1024 * 1024) + 3, 8));
        var corrupt = layout.Blob(BlobTestLayout.Random(70_000, 9));
        var wrongSize = layout.Blob(BlobTestLayout.Random(1000, 10));
        wrongSize["size"] = 1001L;
        var missing = BlobTestLayout.Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", BlobTestLayout.Sha256([9, 9, 9]), 3);
        layout.Index(layout.Manifest(big, corrupt, wrongSize, missing));
        File.WriteAllBytes(Path.Combine(root, BlobTestLayout.PathOf((string)corrupt["digest"])), BlobTestLayout.Random(70_000, 11));
        var orphan = BlobTestLayout.Random(6 * 1024 * 1024, 12);
        File.WriteAllBytes(Path.Combine(root, BlobTestLayout.PathOf(BlobTestLayout.Sha256(orphan))), orphan);
        File.WriteAllBytes(Path.Combine(root, "blobs", "sha256", "tmp-upload-1"), [1]);
        var sha512 = BlobTestLayout.Random(4096, 13);
        Directory.CreateDirectory(Path.Combine(root, "blobs", "sha512"));
        File.WriteAllBytes(Path.Combine(root, "blobs", "sha512", Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(sha512))), sha512);
        layout.WriteTar(temp.Combine("layout.tar"), gzip: false);
        layout.WriteTar(temp.Combine("layout.tar.gz"), gzip: true);

        var configuration = new RuleConfiguration().Set("OCI411", null);
        var folder = Lint.Run(root, configuration);
        var tar = Lint.Run(temp.Combine("layout.tar"), configuration);
        using var compressedSource = new CountingSource(LayoutSources.Open(temp.Combine("layout.tar.gz")));
        var compressed = new Linter(BuiltInRules.Rules, configuration).Lint(compressedSource, new LintSettings());

        folder.Model!.Blobs.Records.Count(r => r.Verified).ShouldBe(5);
        folder.Model.Blobs.Records.Count(r => r.Mismatch).ShouldBe(1);
        foreach (var other in new[] { tar, compressed })
        {
            Describe(other.Model!.Blobs).ShouldBe(Describe(folder.Model.Blobs));
            Findings(other).ShouldBe(Findings(folder));
        }

        // The compressed tar was hashed during its one decompressing pass: no blob member is decompressed again.
        compressedSource.Opens.Keys.ShouldAllBe(p => !p.StartsWith("blobs/", StringComparison.Ordinal) || compressed.Model!.Documents.Any(d => d.File == p));
    }

    [Fact]
    public void No_Blobs_Skips_Hashing_But_Still_Checks_Existence_And_Size()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);
        var layer = layout.Blob(BlobTestLayout.Random(2000, 14));
        var corrupt = layout.Blob(BlobTestLayout.Random(2000, 15));
        layer["size"] = 1L;
        layout.Index(layout.Manifest(layer, corrupt, BlobTestLayout.Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", BlobTestLayout.Sha256([7]), 1)));
        File.WriteAllBytes(Path.Combine(temp.Path, BlobTestLayout.PathOf((string)corrupt["digest"])), BlobTestLayout.Random(2000, 16));

        using var source = new CountingSource(LayoutSources.Open(temp.Path));
        var result = new Linter(BuiltInRules.Rules, new RuleConfiguration()).Lint(source, new LintSettings { VerifyBlobs = false });

        result.Model!.Blobs.Hashed.ShouldBeFalse();
        result.Model.Blobs.Records.ShouldAllBe(r => r.Skipped == HashSkip.Disabled && r.Computed.Count == 0);
        source.Opens.Keys.ShouldAllBe(p => !p.Contains((string)corrupt["digest"], StringComparison.Ordinal));
        result.Findings.Select(f => f.RuleId).Where(BlobRules.Contains).Order().ShouldBe(["OCI405", "OCI407"]);
    }

    [Fact]
    public void Progress_Ends_With_A_Complete_Report()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);
        layout.Index(layout.Manifest(layout.Blob(BlobTestLayout.Random(3_000_000, 17)), layout.Blob(BlobTestLayout.Random(10, 18))));
        var reports = new List<HashProgress>();
        var progress = new SynchronousProgress(reports);

        Run(temp.Path, new LintSettings { HashProgress = progress });

        lock (reports)
        {
            reports.ShouldNotBeEmpty();
            var last = reports[^1];
            last.Done.ShouldBeTrue();
            last.BytesHashed.ShouldBe(last.BytesTotal);
            last.BlobsHashed.ShouldBe(last.BlobsTotal);
            reports.Count(r => r.Done).ShouldBe(1);
        }
    }

    [Theory]
    [InlineData("sha256:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e", DigestForm.Verifiable)]
    [InlineData("sha256:4DDFCB6B5CB5C2742F264CA9D87D0F47DB8513E9768B1D904429397D6DE0B78E", DigestForm.MalformedEncoded)]
    [InlineData("sha256:4ddf", DigestForm.MalformedEncoded)]
    [InlineData("sha512:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e", DigestForm.MalformedEncoded)]
    [InlineData("blake3:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e", DigestForm.RegisteredUnverifiable)]
    [InlineData("multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8", DigestForm.Unregistered)]
    [InlineData("sha256:../../etc/passwd", DigestForm.Invalid)]
    [InlineData("SHA256:abc", DigestForm.Invalid)]
    public void Digests_Are_Classified_Before_Any_Path_Is_Built(string digest, DigestForm form) => Digests.Classify(digest).ShouldBe(form);

    private static LintResult Run(string target, LintSettings settings) => new Linter(BuiltInRules.Rules, new RuleConfiguration()).Lint(LayoutSources.Open(target), settings);

    private static List<string> Describe(BlobTable blobs) =>
        [.. blobs.Records.Select(r => $"{r.Path} {r.Kind} {r.Link} {r.Length} {r.Skipped} {r.Error} {string.Join(",", r.Computed.OrderBy(c => c.Key).Select(c => c.Value))}")];

    private static List<string> Findings(LintResult result) =>
        [.. result.Findings.Where(f => BlobRules.Contains(f.RuleId)).Select(f => $"{f.RuleId} {f.Severity} {f.Location.File}#{f.Location.Pointer} {f.Message}")];

    private sealed class SynchronousProgress(List<HashProgress> reports) : IProgress<HashProgress>
    {
        public void Report(HashProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
