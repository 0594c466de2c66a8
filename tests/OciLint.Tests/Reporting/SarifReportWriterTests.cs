using Newtonsoft.Json.Linq;
using NJsonSchema;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Core.Layout;
using OciLint.Reporting;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Reporting;

public sealed class SarifReportWriterTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(RepoPaths.Schemas, "sarif-2.1.0.json"))).GetAwaiter().GetResult());

    private static JObject Sarif(ReportContext context) => JObject.Parse(ReportFixture.Render(new SarifReportWriter(), context));

    private static JArray Results(JObject log) => (JArray)log["runs"]![0]!["results"]!;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_SharedFixture_ValidatesAgainstSarifSchema(bool withToolError)
    {
        var text = ReportFixture.Render(new SarifReportWriter(), ReportFixture.Context(withToolError));

        var errors = Schema.Value.Validate(text);

        errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public void Write_CleanLayout_ValidatesAndHasEmptyResults()
    {
        var text = ReportFixture.Render(new SarifReportWriter(), ReportFixture.Clean());

        Schema.Value.Validate(text).ShouldBeEmpty();
        Results(JObject.Parse(text)).ShouldBeEmpty();
    }

    [Fact]
    public void Write_SchemaCheck_CatchesAnEmptyArtifactChanges()
    {
        // Guards the guard: the schema copy must reject what GitHub rejects.
        var log = Sarif(ReportFixture.Context());
        var fix = log.SelectTokens("$..fixes[0]").OfType<JObject>().First();
        fix["artifactChanges"] = new JArray();

        Schema.Value.Validate(log.ToString()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Write_SeveralTargets_OneRunWithEveryRuleThatRanOnce()
    {
        var log = Sarif(ReportFixture.Context());

        ((JArray)log["runs"]!).Count.ShouldBe(1);
        var rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.Select(r => (string)r["id"]!).ToList();
        rules.ShouldBe(["OCI002", "OCI101", "OCI406", "OCI716", "OCI901", "OCI902", "OCI903"]);
        rules.ShouldNotContain(ReportFixture.OnlyEntryNoRefName.Id);
        Results(log).Count.ShouldBe(7);
    }

    [Fact]
    public void Write_EveryResult_PointsAtItsRuleAndSpellsOutItsLevel()
    {
        var log = Sarif(ReportFixture.Context());
        var rules = (JArray)log["runs"]![0]!["tool"]!["driver"]!["rules"]!;

        foreach (var result in Results(log))
        {
            rules[(int)result["ruleIndex"]!]!["id"]!.ShouldBe(result["ruleId"]);
            ((string)result["level"]!).ShouldBeOneOf("error", "warning", "note");
        }

        foreach (var rule in rules)
        {
            ((string)rule["defaultConfiguration"]!["level"]!).ShouldBeOneOf("error", "warning", "note");
            ((string)rule["shortDescription"]!["text"]!).ShouldNotBeNullOrWhiteSpace();
            ((string)rule["fullDescription"]!["text"]!).ShouldNotBeNullOrWhiteSpace();
            ((string)rule["help"]!["text"]!).ShouldNotBeNullOrWhiteSpace();
            ((string)rule["help"]!["markdown"]!).ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Write_EveryLocation_IsRelativeToSrcRootWithAFullRegion()
    {
        var log = Sarif(ReportFixture.Context());
        var run = log["runs"]![0]!;

        ((string)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!).ShouldBe("file:///home/ci/project/");
        foreach (var result in Results(log))
        {
            var locations = (JArray)result["locations"]!;
            locations.Count.ShouldBe(1);
            var physical = locations[0]!["physicalLocation"]!;
            var uri = (string)physical["artifactLocation"]!["uri"]!;
            Uri.IsWellFormedUriString(uri, UriKind.Relative).ShouldBeTrue(uri);
            ((string)physical["artifactLocation"]!["uriBaseId"]!).ShouldBe("%SRCROOT%");
            foreach (var key in new[] { "startLine", "startColumn", "endLine", "endColumn" })
            {
                ((int)physical["region"]![key]!).ShouldBeGreaterThanOrEqualTo(1);
            }
        }
    }

    [Fact]
    public void Write_TarTarget_PointsAtTheTarAndNamesTheMember()
    {
        var log = Sarif(ReportFixture.Context());

        var duplicate = Results(log).Single(r => (string)r["ruleId"]! == "OCI903");

        var physical = duplicate["locations"]![0]!["physicalLocation"]!;
        ((string)physical["artifactLocation"]!["uri"]!).ShouldBe("build/out.tar");
        ((int)physical["region"]!["startLine"]!).ShouldBe(1);
        ((string)duplicate["message"]!["text"]!).ShouldStartWith("index.json:9:5: ");
        ((string)duplicate["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!).ShouldBe("index.json#/manifests/1");
    }

    [Fact]
    public void Write_FixOnlyForFolderTextReplacements_AndNeverAnEmptyArtifactChanges()
    {
        var log = Sarif(ReportFixture.Context());

        var withFixes = Results(log).Where(r => r["fixes"] is not null).Select(r => (string)r["ruleId"]!).ToList();

        // OCI902 (folder, replacement) only: OCI002 creates a file, OCI903 is inside a tar.
        withFixes.ShouldBe(["OCI902"]);
        foreach (var change in log.SelectTokens("$..artifactChanges").OfType<JArray>())
        {
            change.ShouldNotBeEmpty();
            foreach (var item in change)
            {
                ((JArray)item["replacements"]!).ShouldNotBeEmpty();
            }
        }

        var replacement = log.SelectToken("$..fixes[0].artifactChanges[0].replacements[0].deletedRegion")!;
        ((int)replacement["startColumn"]!).ShouldBe(242);
        ((int)replacement["endColumn"]!).ShouldBe(456);
        var missingLayout = Results(log).Single(r => (string)r["ruleId"]! == "OCI002");
        ((string)missingLayout["message"]!["text"]!).ShouldEndWith("refuse the layout. Fix: write oci-layout with imageLayoutVersion 1.0.0 (run 'ocilint fix').");
    }

    [Fact]
    public void Write_NoFixes_HasNoFixesKeyAtAll()
    {
        var findings = ReportFixture.FolderResult().Findings.Select(f => f with { Fix = null }).ToList();
        var context = ReportFixture.Context() with { Results = [ReportFixture.FolderResult() with { Findings = findings }] };

        var text = ReportFixture.Render(new SarifReportWriter(), context);

        text.ShouldNotContain("\"fixes\"");
        text.ShouldNotContain("artifactChanges");
    }

    [Fact]
    public void Write_LineNumbersMove_FingerprintsDoNot()
    {
        var before = Sarif(ReportFixture.Context() with { Results = [ReportFixture.FolderResult()] });
        var after = Sarif(ReportFixture.Context() with { Results = [ReportFixture.FolderResult(lineShift: 7)] });

        static List<string> Prints(JObject log) => [.. Results(log).Select(r => (string)r["partialFingerprints"]![SarifReportWriter.FingerprintKey]!)];
        static List<int> Lines(JObject log) => [.. Results(log).Select(r => (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!)];

        Lines(after).ShouldNotBe(Lines(before));
        Prints(after).ShouldBe(Prints(before));
        Prints(before).Distinct().Count().ShouldBe(Prints(before).Count);
    }

    [Fact]
    public void Write_SuppressedFinding_CarriesAnExternalSuppression()
    {
        var log = Sarif(ReportFixture.Context());

        var suppressed = Results(log).Where(r => r["suppressions"] is not null).ToList();

        suppressed.Count.ShouldBe(1);
        suppressed[0]["suppressions"]![0]!["kind"]!.ToString().ShouldBe("external");
        suppressed[0]["suppressions"]![0]!["justification"]!.ToString().ShouldBe("ignore entry in .ocilint.json: we push with --index");
    }

    [Fact]
    public void Write_ToolError_MakesTheInvocationUnsuccessfulWithANotification()
    {
        var clean = Sarif(ReportFixture.Context());
        var broken = Sarif(ReportFixture.Context(withToolError: true));

        ((bool)clean["runs"]![0]!["invocations"]![0]!["executionSuccessful"]!).ShouldBeTrue();
        clean["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"].ShouldBeNull();
        var invocation = broken["runs"]![0]!["invocations"]![0]!;
        ((bool)invocation["executionSuccessful"]!).ShouldBeFalse();
        var notification = invocation["toolExecutionNotifications"]![0]!;
        ((string)notification["level"]!).ShouldBe("error");
        ((string)notification["message"]!["text"]!).ShouldBe("build/out.tar: rule OCI902 failed: Index was outside the bounds of the array.");
        ((string)notification["associatedRule"]!["id"]!).ShouldBe("OCI902");
    }

    [Theory]
    [InlineData("ocilint", "ocilint/")]
    [InlineData("ocilint/layouts/", "ocilint/layouts/")]
    [InlineData(null, null)]
    public void Write_SarifCategory_BecomesTheAutomationId(string? category, string? id)
    {
        var context = ReportFixture.Context();
        context = context with { Options = context.Options with { SarifCategory = category } };

        var log = Sarif(context);

        ((string?)log["runs"]![0]!["automationDetails"]?["id"]).ShouldBe(id);
    }

    [Fact]
    public void Write_FindingOfARuleThatDidNotRun_IsDescribedFromTheCatalog()
    {
        var finding = new Finding("OCI905", Severity.Note, "the only entry has no ref name", new Location("index.json", "/manifests/0", 1, 33, 1, 242));
        var lint = new LintResult("layout", SourceKind.Directory, [finding], [], [], TimeSpan.Zero);
        var context = ReportFixture.Context() with { Results = [lint] };

        var log = Sarif(context);

        var rule = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.Single();
        ((string)rule["id"]!).ShouldBe("OCI905");
        ((string)rule["name"]!).ShouldBe("annotation/only-entry-without-ref-name");
        ((int)Results(log)[0]!["ruleIndex"]!).ShouldBe(0);
    }

    [Fact]
    public void Write_TargetOutsideWorkingDirectory_UsesARelativeUriWithDotDot()
    {
        var finding = new Finding("OCI901", Severity.Warning, "x", new Location("index.json", "/manifests", 1, 32, 1, 457));
        var lint = new LintResult("/tmp/my layout", SourceKind.Directory, [finding], [], [], TimeSpan.Zero);
        var context = ReportFixture.Context() with { Results = [lint] };

        var artifact = Sarif(context).SelectToken("$.runs[0].results[0].locations[0].physicalLocation.artifactLocation")!;

        // GitHub code scanning rejects absolute file URIs (GH1006), so even a layout outside the checkout stays relative.
        ((string)artifact["uri"]!).ShouldBe("../../../tmp/my%20layout/index.json");
        ((string)artifact["uriBaseId"]!).ShouldBe("%SRCROOT%");
    }

    [Fact]
    public void Write_MultiFileFix_GroupsReplacementsByFile()
    {
        Fix fix = new("rewrite both", FixSafety.Safe, [
            new TextReplacement("index.json", 10, 2, "a", 1, 11, 1, 13),
            new TextReplacement("oci-layout", 0, 1, "b", 1, 1, 1, 2),
            new TextReplacement("index.json", 2, 2, "", 1, 3, 1, 5),
        ]);
        var finding = new Finding("OCI901", Severity.Warning, "x", new Location("index.json", "/manifests", 1, 32, 1, 457)) { Fix = fix };
        var context = ReportFixture.Context() with { Results = [new LintResult("layout", SourceKind.Directory, [finding], [], [], TimeSpan.Zero)] };

        var text = ReportFixture.Render(new SarifReportWriter(), context);

        Schema.Value.Validate(text).ShouldBeEmpty();
        var changes = (JArray)JObject.Parse(text).SelectToken("$.runs[0].results[0].fixes[0].artifactChanges")!;
        changes.Select(c => (string)c["artifactLocation"]!["uri"]!).ShouldBe(["layout/index.json", "layout/oci-layout"]);
        ((JArray)changes[0]!["replacements"]!).Select(r => (int)r["deletedRegion"]!["startColumn"]!).ShouldBe([11, 3]);
        changes[0]!["replacements"]![1]!["insertedContent"].ShouldBeNull();
    }
}
