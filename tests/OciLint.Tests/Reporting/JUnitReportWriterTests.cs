using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using OciLint.Core.Findings;
using OciLint.Reporting;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Reporting;

public sealed class JUnitReportWriterTests
{
    private static string Render(ReportContext context) => ReportFixture.Render(new JUnitReportWriter(), context);

    private static ReportContext With(Func<ReportOptions, ReportOptions> change, bool withToolError = false)
    {
        var context = ReportFixture.Context(withToolError);
        return context with { Options = change(context.Options) };
    }

    private static List<string> Validate(string xml, string schemaFile)
    {
        var errors = new List<string>();
        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(Path.Combine(RepoPaths.Schemas, schemaFile)))
        {
            schemas.Add(null, reader);
        }

        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using var xmlReader = XmlReader.Create(new StringReader(xml), settings);
        while (xmlReader.Read())
        {
        }

        return errors;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_StrictDialect_ValidatesAgainstJenkinsXsd(bool withToolError)
    {
        var xml = Render(With(o => o with { Dialect = JUnitDialect.Strict }, withToolError));

        Validate(xml, "junit-jenkins.xsd").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(JUnitDialect.Default, false)]
    [InlineData(JUnitDialect.Default, true)]
    [InlineData(JUnitDialect.Strict, false)]
    public void Write_AnyDialect_ValidatesAgainstOwnXsd(JUnitDialect dialect, bool withToolError)
    {
        var xml = Render(With(o => o with { Dialect = dialect }, withToolError));

        Validate(xml, "ocilint-junit.xsd").ShouldBeEmpty();
    }

    [Fact]
    public void Write_DefaultDialect_IsNotJenkinsValid()
    {
        // file/line and skipped@message are exactly what strict leaves out; if this passes, strict has no reason to exist.
        var xml = Render(ReportFixture.Context());

        Validate(xml, "junit-jenkins.xsd").ShouldNotBeEmpty();
    }

    [Fact]
    public void Write_OwnXsd_RejectsBadCounts()
    {
        var xml = Render(ReportFixture.Context()).Replace("tests=\"14\"", "tests=\"many\"", StringComparison.Ordinal);

        Validate(xml, "ocilint-junit.xsd").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(Severity.Warning, 5, 0)]
    [InlineData(Severity.Error, 2, 0)]
    [InlineData(Severity.Note, 6, 0)]
    [InlineData(Severity.Off, 0, 0)]
    public void Write_FailOn_DecidesWhichFindingsFail(Severity failOn, int failures, int errors)
    {
        var document = XDocument.Parse(Render(With(o => o with { FailOn = failOn })));

        var cases = document.Descendants("testcase").ToList();
        cases.Count(c => c.Element("failure") is not null).ShouldBe(failures);
        cases.Count(c => c.Element("error") is not null).ShouldBe(errors);
        ((int)document.Root!.Attribute("failures")!).ShouldBe(failures);
        ((int)document.Root!.Attribute("tests")!).ShouldBe(cases.Count);
        // Every unsuppressed finding below the threshold still shows up, as a passing case with its story.
        cases.Count(c => c.Element("system-out") is not null).ShouldBe(6 - failures);
        cases.Count(c => c.Element("skipped") is not null).ShouldBe(1);
    }

    [Fact]
    public void Write_SuiteCounts_MatchTheirTestcases()
    {
        var document = XDocument.Parse(Render(ReportFixture.Context(withToolError: true)));

        foreach (var suite in document.Descendants("testsuite"))
        {
            var cases = suite.Elements("testcase").ToList();
            ((int)suite.Attribute("tests")!).ShouldBe(cases.Count);
            ((int)suite.Attribute("failures")!).ShouldBe(cases.Count(c => c.Element("failure") is not null));
            ((int)suite.Attribute("errors")!).ShouldBe(cases.Count(c => c.Element("error") is not null));
            ((int)suite.Attribute("skipped")!).ShouldBe(cases.Count(c => c.Element("skipped") is not null));
        }

        document.Descendants("error").Single().Attribute("type")!.Value.ShouldBe("internal-error");
    }

    [Fact]
    public void Write_TestcaseNames_AreUniqueAcrossTheReport()
    {
        var document = XDocument.Parse(Render(ReportFixture.Context(withToolError: true)));

        var keys = document.Descendants("testcase").Select(c => c.Attribute("classname")!.Value + "|" + c.Attribute("name")!.Value).ToList();

        keys.Distinct().Count().ShouldBe(keys.Count);
        document.Descendants("testcase").ShouldAllBe(c => c.Attribute("classname")!.Value.StartsWith("ocilint.OCI"));
    }

    [Fact]
    public void Write_SameRuleAndPointerTwice_GetsACounterSuffix()
    {
        var folder = ReportFixture.FolderResult();
        var twice = folder with { Findings = [folder.Findings[0], folder.Findings[0]] };

        var names = XDocument.Parse(Render(ReportFixture.Context() with { Results = [twice] }))
            .Descendants("testcase").Select(c => c.Attribute("name")!.Value).ToList();

        names.ShouldContain("OCI901 samples/buildx-multi-tag/index.json#/manifests");
        names.ShouldContain("OCI901 samples/buildx-multi-tag/index.json#/manifests (2)");
    }

    [Fact]
    public void Write_LineNumbersMove_TestcaseNamesDoNot()
    {
        static List<string> Names(int shift) => [.. XDocument.Parse(Render(ReportFixture.Context() with { Results = [ReportFixture.FolderResult(shift)] }))
            .Descendants("testcase").Select(c => c.Attribute("name")!.Value)];

        Names(12).ShouldBe(Names(0));
    }

    [Fact]
    public void Write_TrickyMessage_SurvivesAsTextWithoutInvalidCharacters()
    {
        var xml = Render(With(o => o with { FailOn = Severity.Note }));

        var failure = XDocument.Parse(xml).Descendants("testcase")
            .Single(c => c.Attribute("classname")!.Value == "ocilint.OCI716" && c.Element("failure") is not null).Element("failure")!;

        var expected = $"entry 2 has no org.opencontainers.image.ref.name; its title is \"{ReportFixture.TrickyTitle.Replace("\u001b", "", StringComparison.Ordinal)}\"";
        failure.Attribute("message")!.Value.ShouldBe(expected);
        failure.Value.ShouldContain(expected);
        failure.Value.ShouldContain("Help: https://github.com/ocilint/ocilint/blob/main/rules/OCI716.md");
    }

    [Fact]
    public void Write_FileAndLine_OnlyInDefaultDialectAndOnlyForFolders()
    {
        var document = XDocument.Parse(Render(ReportFixture.Context()));

        var folderCase = document.Descendants("testcase").First(c => c.Attribute("classname")!.Value == "ocilint.OCI902");
        folderCase.Attribute("file")!.Value.ShouldBe("samples/buildx-multi-tag/index.json");
        folderCase.Attribute("line")!.Value.ShouldBe("1");
        var tarCase = document.Descendants("testcase").First(c => c.Attribute("classname")!.Value == "ocilint.OCI903" && c.Element("failure") is not null);
        tarCase.Attribute("file")!.Value.ShouldBe("build/out.tar");
        tarCase.Attribute("line").ShouldBeNull();

        var strict = XDocument.Parse(Render(With(o => o with { Dialect = JUnitDialect.Strict })));
        strict.Descendants("testcase").ShouldAllBe(c => c.Attribute("file") == null && c.Attribute("line") == null);
        strict.Descendants("skipped").ShouldAllBe(s => !s.HasAttributes);
    }

    [Fact]
    public void Write_CleanRules_AreOnePassingCaseEach()
    {
        var document = XDocument.Parse(Render(ReportFixture.Clean()));

        document.Descendants("testcase").Select(c => c.Attribute("name")!.Value)
            .ShouldBe(["OCI002 layout/oci-layout-missing", "OCI901 compat/index-not-single-entry"]);
        document.Descendants("testcase").ShouldAllBe(c => !c.HasElements);
    }
}
