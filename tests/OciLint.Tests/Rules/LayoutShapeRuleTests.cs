using System.Diagnostics;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Layout;
using OciLint.Rules;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>Layout shapes a fixture folder cannot hold (symbolic links, FIFOs, folders the process cannot list).</summary>
public sealed class LayoutShapeRuleTests
{
    private static readonly string BaseImage = Path.Combine(RepoPaths.Fixtures, "base", "image");

    [Fact]
    public void Unreadable_Folder_Reported_By_OCI018_At_Its_Path()
    {
        var source = new FakeSource(SourceKind.Directory, [], [new SourceIssue(SourceIssueKind.Unreadable, "blobs/sha256", "Access to the path '/x/blobs/sha256' is denied.")]);

        var findings = Run(source, "OCI018");

        var finding = findings.ShouldHaveSingleItem();
        finding.Location.File.ShouldBe("blobs/sha256");
        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldContain("Access to the path");
    }

    [Fact]
    public void Readable_Layout_Gives_No_OCI018()
    {
        Run(new FakeSource(SourceKind.Directory, [new LayoutEntry("blobs", EntryKind.Directory, 0)], [new SourceIssue(SourceIssueKind.DuplicatePath, "x", "twice")]), "OCI018").ShouldBeEmpty();
    }

    [Fact]
    public void Symlinked_OciLayout_In_A_Folder_Is_OCI003_And_Is_Not_Followed()
    {
        using var temp = Copy();
        File.Delete(temp.Combine("oci-layout"));
        File.CreateSymbolicLink(temp.Combine("oci-layout"), "/etc/hostname");

        var finding = Lint(temp.Path, "OCI003").ShouldHaveSingleItem();
        finding.Location.File.ShouldBe("oci-layout");
        finding.Message.ShouldContain("symbolic link to /etc/hostname");
    }

    [Fact]
    public void Fifo_Named_IndexJson_Is_OCI009_And_Never_Opened()
    {
        using var temp = Copy();
        File.Delete(temp.Combine("index.json"));
        MakeFifo(temp.Combine("index.json"));

        // Opening a FIFO would block forever: a hang here fails the test by its timeout.
        var finding = Lint(temp.Path, "OCI009").ShouldHaveSingleItem();
        finding.Location.File.ShouldBe("index.json");
        finding.Message.ShouldContain("FIFO");
    }

    [Fact]
    public void Symlinked_Blobs_Folder_Is_OCI011_Not_OCI010()
    {
        using var temp = Copy();
        Directory.Move(temp.Combine("blobs"), temp.Combine("store"));
        Directory.CreateSymbolicLink(temp.Combine("blobs"), "store");

        var findings = Lint(temp.Path, "OCI010", "OCI011");

        findings.Select(f => (f.RuleId, f.Location.File)).ShouldBe([("OCI011", "blobs")]);
    }

    [Fact]
    public void Nested_Tar_Silences_OCI010_And_OCI012_But_Not_OCI013()
    {
        var source = new FakeSource(
            SourceKind.Tar,
            [new LayoutEntry("app", EntryKind.Directory, 0), new LayoutEntry("app/oci-layout", EntryKind.File, 30), new LayoutEntry("app/index.json", EntryKind.File, 10)],
            []);

        Run(source, "OCI010", "OCI012", "OCI013").Select(f => (f.RuleId, f.Location.File)).ShouldBe([("OCI013", "app")]);
    }

    [Fact]
    public void A_Folder_Is_Never_Judged_As_A_Nested_Tar()
    {
        var source = new FakeSource(SourceKind.Directory, [new LayoutEntry("app", EntryKind.Directory, 0), new LayoutEntry("app/index.json", EntryKind.File, 10)], []);

        Run(source, "OCI013").ShouldBeEmpty();
    }

    [Fact]
    public void Platform_Fixes_Copy_Only_From_A_Config_That_Verifies()
    {
        using var temp = Copy();
        const string Config = "blobs/sha256/9a7fbd1e7a957b793cc1b2e00ce5354fe00a679bcadc91bd2ed85e1809591f2b";
        Lint(temp.Path, "OCI211").ShouldHaveSingleItem().Fix.ShouldNotBeNull();

        // Same length, other content: the config no longer is the blob its digest names.
        var bytes = File.ReadAllBytes(temp.Combine(Config));
        var text = System.Text.Encoding.UTF8.GetString(bytes).Replace("\"amd64\"", "\"arm64\"", StringComparison.Ordinal);
        File.WriteAllText(temp.Combine(Config), text);

        var finding = Lint(temp.Path, "OCI211").ShouldHaveSingleItem();
        finding.Fix.ShouldBeNull();
    }

    private static TempDir Copy()
    {
        var temp = new TempDir();
        foreach (var file in Directory.GetFiles(BaseImage, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(temp.Path, Path.GetRelativePath(BaseImage, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return temp;
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, "mkfifo failed");
    }

    private static List<Finding> Lint(string target, params string[] ids)
    {
        using var source = LayoutSources.Open(target);
        return Run(source, ids);
    }

    private static List<Finding> Run(ILayoutSource source, params string[] ids)
    {
        var result = FixSupport.LinterFor(ids).Lint(source, new LintSettings { VerifyBlobs = false });
        result.Errors.ShouldBeEmpty();
        return [.. result.Findings];
    }

    private sealed class FakeSource(SourceKind kind, IReadOnlyList<LayoutEntry> entries, IReadOnlyList<SourceIssue> issues) : ILayoutSource
    {
        public string Target => "fake";

        public SourceKind Kind => kind;

        public IReadOnlyList<LayoutEntry> Entries => entries;

        public IReadOnlyList<SourceIssue> Issues => issues;

        public LayoutEntry? Find(string path) => entries.FirstOrDefault(e => e.Path == path);

        // The loader never opens anything here: the fake holds no regular file it could parse.
        public Stream OpenRead(LayoutEntry entry) => throw new InvalidOperationException($"{entry.Path} has no content in this fake");

        public void Dispose()
        {
        }
    }
}
