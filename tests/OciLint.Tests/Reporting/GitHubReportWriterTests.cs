using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Layout;
using OciLint.Reporting;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Reporting;

public sealed class GitHubReportWriterTests
{
    [Theory]
    [InlineData("50% done\r\nnext", "50%25 done%0D%0Anext")]
    [InlineData("a:b,c", "a:b,c")]
    public void EscapeData_FollowsActionsCore(string input, string expected) =>
        GitHubReportWriter.EscapeData(input).ShouldBe(expected);

    [Theory]
    [InlineData("dir,with:odd%\nname", "dir%2Cwith%3Aodd%25%0Aname")]
    public void EscapeProperty_AlsoEscapesColonAndComma(string input, string expected) =>
        GitHubReportWriter.EscapeProperty(input).ShouldBe(expected);

    [Fact]
    public void Write_FolderFinding_IsOneAnnotationWithItsRegion()
    {
        var finding = new Finding("OCI902", Severity.Warning, "dup, see: here", new Location("index.json", "/manifests/1", 1, 243, 1, 456));
        var lint = new LintResult("my,layout", SourceKind.Directory, [finding], [], [], TimeSpan.Zero);

        var text = ReportFixture.Render(new GitHubReportWriter(), ReportFixture.Context() with { Results = [lint] });

        text.ShouldBe("::warning file=my%2Clayout/index.json,line=1,col=243,endLine=1,endColumn=456,title=OCI902 compat/index-duplicate-digest::dup, see: here\n");
    }

    [Fact]
    public void Write_SuppressedAndNotes_AreSkippedOrNotices()
    {
        var text = ReportFixture.Render(new GitHubReportWriter(), ReportFixture.Context());

        text.ShouldNotContain("index.json holds 3 entries");
        text.ShouldContain("::notice file=build/out.tar,title=OCI716 ");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(6);
    }
}
