using OciLint.Cli;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Cli;

/// <summary>The CLI in-process: arguments in, stdout/stderr and exit code out.</summary>
public sealed class CliTests
{
    private static readonly string MultiTag = Path.Combine(RepoPaths.Root, "samples", "buildx-multi-tag");
    private static readonly string SingleTag = Path.Combine(RepoPaths.Root, "samples", "single-tag");

    [Fact]
    public void Check_MultiTag_Warns_And_Exits_0_By_Default()
    {
        var (code, stdout, stderr) = Run("check", MultiTag);
        code.ShouldBe(0);
        stderr.ShouldBeEmpty();
        stdout.ShouldContain("warning OCI901 compat/index-not-single-entry");
        stdout.ShouldContain("warning OCI902 compat/index-duplicate-digest");
        stdout.ShouldContain("2 warnings");
    }

    [Theory]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("error", 0)]
    [InlineData("never", 0)]
    public void FailOn_Sets_The_Exit_Code(string level, int expected)
    {
        Run("check", MultiTag, "--fail-on", level).Code.ShouldBe(expected);
    }

    [Fact]
    public void Disable_By_Family_Silences_Rules()
    {
        var (code, stdout, _) = Run("check", MultiTag, "--disable", "compat/*", "--fail-on", "warning");
        code.ShouldBe(0);
        stdout.ShouldNotContain("OCI90");
    }

    [Fact]
    public void Quiet_Drops_The_Summary()
    {
        var (_, stdout, _) = Run("check", MultiTag, "-q");
        stdout.ShouldNotContain("in 1 layout");
        stdout.ShouldContain("OCI902");
    }

    [Fact]
    public void Single_Tag_Sample_Has_No_Warning()
    {
        var (code, stdout, _) = Run("check", SingleTag, "--fail-on", "warning");
        code.ShouldBe(0, stdout);
        stdout.ShouldNotContain("warning");
    }

    [Fact]
    public void Clean_Layout_Says_So()
    {
        var (code, stdout, _) = Run("check", SingleTag, "--disable", "OCI211");
        code.ShouldBe(0);
        stdout.ShouldContain("no problems found in 1 layout");
    }

    [Theory]
    [InlineData("check", "--format", "yaml")]
    [InlineData("check", "--fail-on", "sometimes")]
    [InlineData("check", "--enable", "OCI999")]
    [InlineData("explain", "OCI999")]
    [InlineData("check", "/definitely/not/here")]
    public void Usage_Errors_Exit_2_With_One_Line(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        code.ShouldBe(2);
        stderr.ShouldNotContain("   at ");
        stderr.Trim().Split('\n').Length.ShouldBeLessThanOrEqualTo(2);
        stdout.ShouldNotContain("OCI90");
    }

    [Fact]
    public void Output_File_Is_Written_Whole_And_Stdout_Stays_Free()
    {
        using var temp = new TempDir();
        var sarif = temp.Combine("out.sarif");
        var json = temp.Combine("out.json");
        var (code, stdout, _) = Run("check", MultiTag, "-f", "sarif", "-o", sarif, "-f", "json", "-o", json);
        code.ShouldBe(0);
        stdout.ShouldBeEmpty();
        File.ReadAllText(sarif).ShouldContain("\"version\": \"2.1.0\"");
        File.ReadAllText(json).ShouldContain("\"schemaVersion\": \"1\"");
        Directory.GetFiles(temp.Path).Length.ShouldBe(2, "no temporary files are left behind");
    }

    [Fact]
    public void Output_Into_Missing_Folder_Is_A_Usage_Error()
    {
        Run("check", MultiTag, "-o", "/no/such/folder/out.sarif").Code.ShouldBe(2);
    }

    [Fact]
    public void Rules_Lists_Every_Rule_And_Explain_Prints_The_Doc_Page()
    {
        var (code, stdout, _) = Run("rules");
        code.ShouldBe(0);
        stdout.ShouldContain("OCI902  compat/index-duplicate-digest");
        var explain = Run("explain", "compat/index-duplicate-digest");
        explain.Code.ShouldBe(0);
        explain.Stdout.ShouldContain("## Fix safety");
    }

    [Fact]
    public void Timing_Prints_Phases_And_The_Slowest_Rules_On_Stderr_Only()
    {
        var plain = Run("check", MultiTag);
        var (code, stdout, stderr) = Run("check", MultiTag, "--timing");
        code.ShouldBe(plain.Code);
        stdout.ShouldBe(plain.Stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldMatch(@"^ocilint: timing of .*buildx-multi-tag: [0-9.]+ ms in all; load [0-9.]+ ms, rules [0-9.]+ ms, waited [0-9.]+ ms for hashing \([0-9.]+ ms of hashing in all\)$");
        lines.Length.ShouldBe(12);
        lines.Skip(1).Take(10).ShouldAllBe(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ +[0-9.]+ ms  OCI\d{3} [a-z]+/[a-z0-9-]+$"));
        lines[11].ShouldMatch(@"^ocilint: garbage collection: \d+ collections \(\d+ of gen 1, \d+ of gen 2\), [0-9.]+ ms paused in all$");
        Run("check", MultiTag).Stderr.ShouldBeEmpty();
    }

    [Fact]
    public void Version_Prints_The_Version()
    {
        var (code, stdout, _) = Run("--version");
        code.ShouldBe(0);
        stdout.Trim().ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    internal static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var console = new TestConsole();
        var code = Entry.Run(args, console);
        return (code, console.Out.ToString()!, console.Error.ToString()!);
    }
}
