using OciLint.Core.Engine;
using OciLint.Core.Layout;
using OciLint.Reporting;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Reporting;

public sealed class ReportPathsTests
{
    private static LintResult Target(string target, SourceKind kind) => new(target, kind, [], [], [], TimeSpan.Zero);

    [Theory]
    [InlineData("samples/buildx-multi-tag", SourceKind.Directory, "index.json", "samples/buildx-multi-tag/index.json")]
    [InlineData(".", SourceKind.Directory, "oci-layout", "./oci-layout")]
    [InlineData("x.tar", SourceKind.Tar, "index.json", "x.tar!/index.json")]
    [InlineData("x.tar.gz", SourceKind.CompressedTar, "blobs/sha256/ab", "x.tar.gz!/blobs/sha256/ab")]
    [InlineData("x.tar", SourceKind.Tar, "", "x.tar")]
    public void Display_JoinsTargetAndFile(string target, SourceKind kind, string file, string expected) =>
        ReportPaths.Display(Target(target, kind), file).ShouldBe(expected);

    [Theory]
    [InlineData("./layout", "index.json", "layout/index.json", true)]
    [InlineData("/home/ci/project/a b/c#d", "index.json", "a%20b/c%23d/index.json", true)]
    [InlineData("../elsewhere", "index.json", "../elsewhere/index.json", true)]
    public void ArtifactUri_IsRelativeInsideTheWorkingDirectoryAndEscaped(string target, string file, string expected, bool relative)
    {
        var (uri, isRelative) = ReportPaths.ArtifactUri(Target(target, SourceKind.Directory), file, "/home/ci/project");

        uri.OriginalString.ShouldBe(expected);
        isRelative.ShouldBe(relative);
    }

    [Fact]
    public void ArtifactUri_ForATar_IsTheTarItself() =>
        ReportPaths.ArtifactUri(Target("build/out.tar", SourceKind.Tar), "index.json", "/home/ci/project").Uri.OriginalString.ShouldBe("build/out.tar");

    [Fact]
    public void BaseUri_EndsWithASlash() =>
        ReportPaths.BaseUri("/home/ci/my project/").AbsoluteUri.ShouldBe("file:///home/ci/my%20project/");
}

public sealed class ReportTextTests
{
    [Theory]
    [InlineData("plain 🐳 ü", "plain 🐳 ü")]
    [InlineData("bell\u0007esc\u001b tab\tok", "bellesc tab\tok")]
    public void ForXml_DropsOnlyWhatXmlCannotCarry(string input, string expected) =>
        ReportText.ForXml(input).ShouldBe(expected);

    [Fact]
    public void ForXml_DropsLoneSurrogatesAndNonCharacters()
    {
        // Built at run time: attribute arguments cannot hold a lone surrogate.
        var input = "lone " + (char)0xD800 + " high, " + (char)0xDC00 + " low, not " + (char)0xFFFE + " char";

        ReportText.ForXml(input).ShouldBe("lone  high,  low, not  char");
    }

    [Theory]
    [InlineData("no period", "no period.")]
    [InlineData("done.", "done.")]
    [InlineData("really?  ", "really?")]
    public void Sentence_EndsWithAFullStop(string input, string expected) =>
        ReportText.Sentence(input).ShouldBe(expected);
}
