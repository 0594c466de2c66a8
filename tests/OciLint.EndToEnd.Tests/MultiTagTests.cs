using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.EndToEnd.Tests;

/// <summary>The case OciLint exists for, with the real consumers.</summary>
public sealed class MultiTagTests
{
    [Fact]
    public void Skopeo_Fails_On_MultiTag_Layout_And_OciLint_Reports_Why()
    {
        using var temp = new TempDir();
        var layout = Layouts.MultiTag(temp.Path);

        var skopeo = Tool.Run(Tool.Require("skopeo"), ["inspect", "oci:" + layout]);
        skopeo.ExitCode.ShouldNotBe(0);
        skopeo.Stderr.ShouldContain("more than one image in oci, choose an image");
        Tool.Run("skopeo", ["inspect", "oci:" + layout + ":v1"]).ExitCode.ShouldBe(0);

        var check = Tool.OciLint("check", layout);
        check.ExitCode.ShouldBe(0, check.ToString());
        check.Stdout.ShouldContain("warning OCI901");
        check.Stdout.ShouldContain("warning OCI902");
        check.Stdout.ShouldContain("more than one image in oci, choose an image");
        check.Stdout.ShouldContain("\"v1\", \"latest\"");

        var gate = Tool.OciLint("check", layout, "--fail-on", "warning");
        gate.ExitCode.ShouldBe(1, gate.ToString());

        var profile = Tool.OciLint("check", layout, "--target", "skopeo");
        profile.ExitCode.ShouldBe(1, profile.ToString());
        profile.Stdout.ShouldContain("error OCI901");
    }

    [Fact]
    public void Tar_Of_MultiTag_Layout_Gives_The_Same_Findings()
    {
        using var temp = new TempDir();
        var layout = Layouts.MultiTag(temp.Path);
        var tar = Layouts.Tar(layout, temp.Combine("multi-tag.tar"));

        Tool.Run("skopeo", ["inspect", "oci-archive:" + tar]).Stderr.ShouldContain("more than one image in oci");

        var fromFolder = Tool.OciLint("check", layout, "-f", "json");
        var fromTar = Tool.OciLint("check", tar, "-f", "json");
        fromTar.ExitCode.ShouldBe(fromFolder.ExitCode);
        // Only a tar can be read as a docker tarball by crane: OCI907 is the tar's alone.
        var tarFindings = Findings(fromTar.Stdout);
        tarFindings.ShouldContain(f => f.StartsWith("OCI907 ", StringComparison.Ordinal));
        tarFindings.Where(f => !f.StartsWith("OCI907 ", StringComparison.Ordinal)).ShouldBe(Findings(fromFolder.Stdout));
        tarFindings.ShouldContain(f => f.StartsWith("OCI902 index.json:", StringComparison.Ordinal));
    }

    [Fact]
    public void Committed_Sample_Still_Has_The_Buildx_Shape()
    {
        var sample = Path.Combine(RepoPaths.Root, "samples", "buildx-multi-tag");
        Tool.Run(Tool.Require("skopeo"), ["inspect", "oci:" + sample]).Stderr.ShouldContain("more than one image in oci");
        var jq = Tool.Run(Tool.Require("jq"), ["-r", "[.manifests[].digest] | unique | length", Path.Combine(sample, "index.json")]);
        jq.Stdout.Trim().ShouldBe("1");
        Tool.OciLint("check", sample, "--fail-on", "warning").ExitCode.ShouldBe(1);
    }

    // rule id, file, line, column and pointer of each finding: what must not differ between folder and tar.
    private static List<string> Findings(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("targets")[0].GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("line")}:{f.GetProperty("column")} {f.GetProperty("pointer")}")
            .ToList();
    }
}
