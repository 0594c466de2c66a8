using OciLint.Tests.Cli;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;
using static OciLint.Tests.Support.FixLayouts;

namespace OciLint.Tests.Fixes;

/// <summary><c>ocilint fix</c> in-process: what it prints, what it writes, how it exits.</summary>
public sealed class FixCommandTests
{
    [Fact]
    public void Diff_Prints_A_Unified_Diff_Writes_Nothing_And_Exits_1()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("v1")));
        var before = FixSupport.Snapshot(layout);

        var (code, stdout, _) = CliTests.Run("fix", layout, "--diff");

        code.ShouldBe(1);
        var label = layout.TrimStart('/') + "/index.json";
        stdout.ShouldStartWith($"--- a/{label}\n+++ b/{label}\n@@ -1 +1 @@\n-{Index(Entry("v1"), Entry("v1"))}\n\\ No newline at end of file\n+{Index(Entry("v1"))}\n");
        FixSupport.Snapshot(layout).ShouldBe(before, "--diff writes nothing (bytes and modification times)");
    }

    [Fact]
    public void Fix_Then_Diff_Is_Empty_And_A_Second_Fix_Changes_Nothing()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("v1")));

        var (code, stdout, _) = CliTests.Run("fix", layout);
        code.ShouldBe(0);
        stdout.ShouldContain("OCI903 index.json: remove entry 1, an exact copy of entry 0");
        stdout.ShouldContain($"checking {layout} again:");
        var after = FixSupport.Snapshot(layout);

        CliTests.Run("fix", layout, "--diff").ShouldBe((0, "", ""));
        var second = CliTests.Run("fix", layout);
        second.Stdout.ShouldStartWith($"nothing to fix in {layout}\n");
        FixSupport.Snapshot(layout).ShouldBe(after);
    }

    [Fact]
    public void Unsafe_Collapse_Names_The_Ref_Names_It_Drops_And_KeepRef_Chooses()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("latest")));

        var safeOnly = CliTests.Run("fix", layout);
        safeOnly.Stdout.ShouldStartWith("nothing to fix");
        safeOnly.Stdout.ShouldContain("(fixable with --unsafe) keep entry 0 (v1)");

        var (code, stdout, _) = CliTests.Run("fix", layout, "--unsafe", "--keep-ref", "latest");

        code.ShouldBe(0);
        stdout.ShouldContain("OCI902 index.json: keep entry 1 (latest) and remove 1 other entry for sha256:4ddfcb6b5cb5… (drops ref name(s) \"v1\")");
        File.ReadAllText(Path.Combine(layout, "index.json")).ShouldBe(Index(Entry("latest")));
    }

    [Fact]
    public void KeepRef_That_Names_No_Duplicate_Entry_Is_A_Usage_Error_Before_Anything_Is_Written()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("latest")));
        var before = FixSupport.Snapshot(layout);

        var (code, _, stderr) = CliTests.Run("fix", layout, "--unsafe", "--keep-ref", "v9");

        code.ShouldBe(2);
        stderr.ShouldContain("--keep-ref v9: no index.json entry that shares its digest with another has this ref name (candidates: v1, latest)");
        FixSupport.Snapshot(layout).ShouldBe(before);
    }

    [Fact]
    public void RefName_Applies_The_Suggestion()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry(null)));

        CliTests.Run("fix", layout).Stdout.ShouldContain("(suggestion, needs --ref-name) add a ref name, e.g. \"latest\"");
        var (code, stdout, _) = CliTests.Run("fix", layout, "--ref-name", "v2");

        code.ShouldBe(0);
        stdout.ShouldContain("OCI905 index.json: add ref name \"v2\"");
        File.ReadAllText(Path.Combine(layout, "index.json")).ShouldContain("\"org.opencontainers.image.ref.name\": \"v2\"");
    }

    [Fact]
    public void DryRun_Lists_The_Fixes_And_What_Would_Remain_Without_Writing()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("latest")));
        var before = FixSupport.Snapshot(layout);

        var (code, stdout, _) = CliTests.Run("fix", layout, "--unsafe", "--dry-run");

        code.ShouldBe(1);
        stdout.ShouldStartWith($"would apply 1 fix to {layout} (index.json would change; nothing written):\n  OCI902 index.json: keep entry 0 (v1)");
        stdout.ShouldContain("would remain:");
        FixSupport.Snapshot(layout).ShouldBe(before);
    }

    [Fact]
    public void Remaining_Findings_Set_The_Exit_Code()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("latest")));

        CliTests.Run("fix", layout).Code.ShouldBe(0, "two warnings remain, below the default --fail-on error");
        CliTests.Run("fix", layout, "--fail-on", "warning").Code.ShouldBe(1);
        CliTests.Run("fix", layout, "--target", "skopeo").Code.ShouldBe(1, "with the skopeo profile OCI901 and OCI902 are errors");
    }

    [Fact]
    public void Tar_Is_Fixed_Into_A_New_Tar_Only()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("latest")));
        var tar = temp.Combine("in.tar");
        Fixture.WriteTar(layout, tar);
        var original = File.ReadAllBytes(tar);

        var inPlace = CliTests.Run("fix", tar, "--unsafe");
        inPlace.Code.ShouldBe(2);
        inPlace.Stderr.ShouldContain("fix never rewrites an archive in place: write a fixed copy with 'ocilint fix");
        var sameFile = CliTests.Run("fix", tar, "--unsafe", "-o", tar);
        sameFile.Code.ShouldBe(2);
        sameFile.Stderr.ShouldContain("is the input archive");

        var (code, stdout, _) = CliTests.Run("fix", tar, "--unsafe", "-o", temp.Combine("out.tar"));

        code.ShouldBe(0);
        stdout.ShouldContain($"written to {temp.Combine("out.tar")}");
        var again = stdout[stdout.IndexOf("again:", StringComparison.Ordinal)..];
        foreach (var multiEntry in new[] { "OCI901", "OCI902", "OCI903" })
        {
            again.ShouldNotContain(multiEntry, customMessage: "the re-check of the new tar finds no multi-entry problem");
        }

        File.ReadAllBytes(tar).ShouldBe(original);
        CliTests.Run("fix", tar, "--unsafe", "--diff").Code.ShouldBe(1, "--diff on a tar needs no -o");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_Damaged_Tar_Is_Not_Copied_Into_A_Fixed_One(bool gzip)
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("latest")));
        var tar = temp.Combine(gzip ? "in.tar.gz" : "in.tar");
        Fixture.WriteTar(layout, tar, gzip);
        var bytes = File.ReadAllBytes(tar);
        File.WriteAllBytes(tar, bytes[..(bytes.Length * 3 / 4)]);
        var output = temp.Combine(gzip ? "out.tar.gz" : "out.tar");

        var (code, _, stderr) = CliTests.Run("fix", tar, "--unsafe", "-o", output);

        code.ShouldBe(2);
        stderr.ShouldContain($"{tar} is damaged (");
        stderr.ShouldContain("repair or re-create the archive first");
        File.Exists(output).ShouldBeFalse();
        Directory.GetFiles(temp.Path).ShouldBe([tar], "nothing written beside the tar");
        CliTests.Run("fix", tar, "--unsafe", "--diff").Code.ShouldNotBe(2, "--diff only reads: it still shows what fix would change");
    }

    [Theory]
    [InlineData("--diff", "--dry-run")]
    [InlineData("--ref-name", "-bad")]
    [InlineData("--ref-name", "a b")]
    public void Conflicting_Or_Invalid_Options_Exit_2(string option, string value)
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry(null)));

        var (code, stdout, stderr) = CliTests.Run("fix", layout, option, value);

        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldStartWith("ocilint: ");
    }

    [Fact]
    public void Config_Ignore_Entries_Keep_A_Finding_From_Being_Fixed_And_Config_Targets_Apply()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("v1")));
        File.WriteAllText(temp.Combine(".ocilint.json"), "{\"targets\": [\"skopeo\"], \"ignore\": [{\"rule\": \"OCI903\", \"reason\": \"kept on purpose\"}]}");
        var before = FixSupport.Snapshot(layout);

        var (code, stdout, _) = CliTests.Run("fix", layout);

        stdout.ShouldStartWith("nothing to fix");
        FixSupport.Snapshot(layout).ShouldBe(before);
        stdout.ShouldContain("error OCI901", customMessage: "the config's skopeo profile applies to fix as to check");
        code.ShouldBe(1);
    }

    [Fact]
    public void Output_For_A_Folder_Is_A_Usage_Error()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1")));

        var (code, _, stderr) = CliTests.Run("fix", layout, "-o", temp.Combine("x.tar"));

        code.ShouldBe(2);
        stderr.ShouldContain("-o is for tar targets");
    }
}
