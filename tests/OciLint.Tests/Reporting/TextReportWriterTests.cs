using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Core.Layout;
using OciLint.Reporting;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Reporting;

public sealed class TextReportWriterTests
{
    private static string Render(ReportContext context) => ReportFixture.Render(new TextReportWriter(), context);

    private static LintResult Layout(params Finding[] findings) =>
        new("layout", SourceKind.Directory, findings, [], [], TimeSpan.Zero);

    private static Finding At(Severity severity, Fix? fix = null, string? suppressedBy = null) =>
        new("OCI901", severity, "m", new Location("index.json", "/manifests", 2, 3, 2, 9)) { Fix = fix, SuppressedBy = suppressedBy };

    private static Fix Fix(FixSafety safety) => new("t", safety, []);

    public static TheoryData<Finding[], string> Summaries() => new()
    {
        { [], "no problems found in 1 layout" },
        { [At(Severity.Error)], "1 error in 1 layout" },
        { [At(Severity.Error), At(Severity.Error), At(Severity.Warning), At(Severity.Note), At(Severity.Note)], "2 errors, 1 warning, 2 notes in 1 layout" },
        { [At(Severity.Warning, Fix(FixSafety.Safe)), At(Severity.Warning, Fix(FixSafety.Safe))], "2 warnings in 1 layout; 2 fixable with 'ocilint fix'" },
        { [At(Severity.Warning, Fix(FixSafety.Safe)), At(Severity.Warning, Fix(FixSafety.Unsafe))], "2 warnings in 1 layout; 1 fixable with 'ocilint fix' (1 more with --unsafe)" },
        { [At(Severity.Warning, Fix(FixSafety.Unsafe))], "1 warning in 1 layout; 1 fixable with 'ocilint fix --unsafe'" },
        { [At(Severity.Note, Fix(FixSafety.Suggestion))], "1 note in 1 layout" },
        { [At(Severity.Note, Fix(FixSafety.Suggestion) with { RequiredInput = "ref-name" })], "1 note in 1 layout; 1 fixable with 'ocilint fix --ref-name NAME'" },
        { [At(Severity.Warning, Fix(FixSafety.Safe)), At(Severity.Warning, Fix(FixSafety.Unsafe)), At(Severity.Note, Fix(FixSafety.Suggestion) with { RequiredInput = "ref-name" })], "2 warnings, 1 note in 1 layout; 1 fixable with 'ocilint fix' (1 more with --unsafe, 1 more with --ref-name NAME)" },
        { [At(Severity.Error, Fix(FixSafety.Safe), suppressedBy: "baseline")], "no problems found in 1 layout; 1 suppressed" },
    };

    [Theory]
    [MemberData(nameof(Summaries))]
    public void SummaryLine_Counts_AreWordedAndPluralised(Finding[] findings, string expected)
    {
        TextReportWriter.SummaryLine([Layout(findings)]).ShouldBe(expected);
    }

    [Fact]
    public void SummaryLine_SeveralTargets_CountsLayoutsAndInternalErrors()
    {
        var broken = Layout() with { Errors = [new ToolError("OCI902", "rule OCI902 failed: boom", "")] };

        TextReportWriter.SummaryLine([Layout(At(Severity.Note)), broken]).ShouldBe("1 note in 2 layouts; 1 internal error");
    }

    [Fact]
    public void Write_OneTarget_HasNoHeaderAndOmitsPositionForWholeFiles()
    {
        var lint = new LintResult("x.tar", SourceKind.Tar, [new Finding("OCI002", Severity.Error, "missing", Location.ForFile("oci-layout"))], [], [], TimeSpan.Zero);

        var text = Render(ReportFixture.Context() with { Results = [lint] });

        text.ShouldBe("x.tar!/oci-layout: error OCI002 layout/oci-layout-missing: missing\n\n1 error in 1 layout\n");
    }

    [Fact]
    public void Write_FolderTarget_JoinsTargetAndFileWithSlashes()
    {
        var lint = new LintResult("samples/buildx-multi-tag/", SourceKind.Directory, [At(Severity.Warning)], [], [], TimeSpan.Zero);

        var text = Render(ReportFixture.Context() with { Results = [lint] });

        text.ShouldStartWith("samples/buildx-multi-tag/index.json:2:3: warning OCI901 compat/index-not-single-entry: m\n");
    }

    [Theory]
    [InlineData(FixSafety.Safe, "  (fixable: safe) t\n")]
    [InlineData(FixSafety.Unsafe, "  (fixable with --unsafe) t\n")]
    [InlineData(FixSafety.Suggestion, "  (suggestion, needs --ref-name) t\n")]
    public void Write_Fix_HintOnTheNextLine(FixSafety safety, string hint)
    {
        var fix = new Fix("t", safety, []) { RequiredInput = safety == FixSafety.Suggestion ? "ref-name" : null };

        var text = Render(ReportFixture.Context() with { Results = [Layout(At(Severity.Warning, fix))] });

        text.Split('\n')[1].ShouldBe(hint.TrimEnd('\n'));
    }

    [Fact]
    public void Write_ControlCharactersInMessages_CannotForgeLinesOrColours()
    {
        var hostile = new Finding("OCI716", Severity.Note, "title \"x\"\nlayout/index.json:1:1: error OCI001 fake\u001b[2J\u202Egnp.exe", new Location("index.json", "/manifests/0", 1, 1, 1, 2));

        var text = Render(ReportFixture.Context() with { Results = [Layout(hostile)], Options = ReportFixture.Options with { Quiet = true } });

        text.ShouldBe("layout/index.json:1:1: note OCI716 annotation/missing-ref-name: title \"x\"\\nlayout/index.json:1:1: error OCI001 fake\\u001B[2J\\u202Egnp.exe\n");
    }

    [Fact]
    public void Write_Colour_OnlyWhenAsked()
    {
        Render(ReportFixture.Context()).ShouldNotContain("\u001b");
        Render(ReportFixture.Context() with { Options = ReportFixture.Options with { Color = true } }).ShouldContain("\u001b[31merror\u001b[0m");
    }

    [Fact]
    public void Write_Quiet_DropsTheSummaryAndPrintsNothingWhenClean()
    {
        Render(ReportFixture.Clean() with { Options = ReportFixture.Options with { Quiet = true } }).ShouldBeEmpty();
        Render(ReportFixture.Context() with { Options = ReportFixture.Options with { Quiet = true } }).ShouldNotContain(" in 2 layouts");
    }

    [Fact]
    public void Write_SuppressedFindings_AreCountedNotListed()
    {
        var text = Render(ReportFixture.Context());

        text.ShouldNotContain("index.json holds 3 entries");
        text.ShouldEndWith("; 1 suppressed\n");
    }
}
