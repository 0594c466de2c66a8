using System.Text.Json;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.EndToEnd.Tests;

/// <summary>
/// Images made here by the real tools (umoci, skopeo, buildah) are valid by the spec: `check --deep` may warn
/// (umoci's unterminated tar layers, Docker media types, zstd) but reports no error.
/// </summary>
public sealed class RealToolTests
{
    [Fact]
    public void Umoci_Image_Has_No_Errors_And_Its_Unterminated_Layer_Is_A_Warning()
    {
        using var temp = new TempDir();
        var layout = UmociImage(temp);

        var findings = Check(layout);
        Errors(findings).ShouldBeEmpty();

        // umoci 0.4.7 `insert` writes tar streams without the end-of-archive marker; umoci itself unpacks them.
        findings.ShouldContain(f => f.RuleId == "OCI413" && f.Severity == "warning");
        findings.ShouldNotContain(f => f.RuleId == "OCI514");
        Run("umoci", "unpack", "--rootless", "--image", layout + ":v1", temp.Combine("bundle"));
    }

    [Fact]
    public void Skopeo_V2s2_Copy_Is_A_Docker_Image_In_An_Oci_Layout_Without_Errors()
    {
        using var temp = new TempDir();
        var source = UmociImage(temp);
        var docker = temp.Combine("docker");
        Run("skopeo", "copy", "--format", "v2s2", $"oci:{source}:v1", $"oci:{docker}:v1");
        File.ReadAllText(Path.Combine(docker, "index.json")).ShouldContain("application/vnd.docker.distribution.manifest.v2+json");

        var findings = Check(docker);
        Errors(findings).ShouldBeEmpty();
        findings.ShouldContain(f => f.RuleId == "OCI801" && f.Severity == "note");
        findings.ShouldNotContain(f => f.RuleId == "OCI802" || f.RuleId == "OCI514");

        // What the note says about umoci is what umoci does.
        var umoci = Tool.Run(Tool.Require("umoci"), ["unpack", "--rootless", "--image", docker + ":v1", temp.Combine("bundle")]);
        umoci.ExitCode.ShouldNotBe(0);
        umoci.Stderr.ShouldContain("not implemented");
        var profiled = Check(docker, "--target", "umoci");
        profiled.ShouldContain(f => f.RuleId == "OCI801" && f.Severity == "error");
    }

    [Fact]
    public void Skopeo_Zstd_Copy_Decodes_And_Matches_Its_Diff_Ids()
    {
        using var temp = new TempDir();
        var source = UmociImage(temp);
        var zstd = temp.Combine("zstd");
        Run("skopeo", "copy", "--dest-compress-format", "zstd", $"oci:{source}:v1", $"oci:{zstd}:v1");

        var findings = Check(zstd);
        Errors(findings).ShouldBeEmpty();
        findings.ShouldContain(f => f.RuleId == "OCI512" && f.Severity == "note");
        findings.ShouldNotContain(f => f.RuleId == "OCI514");
    }

    [Fact]
    public void Buildah_Docker_Format_Image_Has_No_Errors()
    {
        using var temp = new TempDir();
        var storage = new[] { "--root", temp.Combine("storage"), "--runroot", temp.Combine("run"), "--storage-driver", "vfs" };
        var container = Run("buildah", [.. storage, "from", "scratch"]).Stdout.Trim();
        File.WriteAllText(temp.Combine("hello.txt"), "hello from buildah\n");
        Run("buildah", [.. storage, "copy", container, temp.Combine("hello.txt"), "/hello.txt"]);
        Run("buildah", [.. storage, "config", "--env", "GREETING=hello", "--cmd", "/hello.txt", "--label", "org.opencontainers.image.source=https://example.com/repo", container]);
        Run("buildah", [.. storage, "commit", "--format", "docker", container, "localhost/ocilint-e2e:v1"]);
        var layout = temp.Combine("buildah");
        Run("buildah", [.. storage, "push", "--format", "v2s2", "localhost/ocilint-e2e:v1", $"oci:{layout}:v1"]);
        File.ReadAllText(Path.Combine(layout, "index.json")).ShouldContain("application/vnd.docker.distribution.manifest.v2+json");

        var findings = Check(layout);
        Errors(findings).ShouldBeEmpty();
        findings.ShouldContain(f => f.RuleId == "OCI801");
        findings.ShouldNotContain(f => f.RuleId == "OCI514" || f.RuleId == "OCI413" || f.RuleId == "OCI607");
    }

    /// <summary>A one-layer image built with umoci: init, new, insert a file, config, tag v1.</summary>
    private static string UmociImage(TempDir temp)
    {
        var layout = temp.Combine("umoci");
        var files = temp.Combine("files");
        Directory.CreateDirectory(Path.Combine(files, "etc"));
        File.WriteAllText(Path.Combine(files, "etc", "hello"), "hello from umoci\n");
        Run("umoci", "init", "--layout", layout);
        Run("umoci", "new", "--image", layout + ":v1");
        Run("umoci", "insert", "--rootless", "--image", layout + ":v1", Path.Combine(files, "etc"), "/etc");
        Run("umoci", "config", "--image", layout + ":v1", "--config.env", "PATH=/usr/bin", "--config.cmd", "/bin/sh");
        return layout;
    }

    private static ToolResult Run(string program, params string[] args)
    {
        var result = Tool.Run(Tool.Require(program), args);
        result.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', args)}\n{result}");
        return result;
    }

    private sealed record Reported(string RuleId, string Severity, string Message);

    private static List<Reported> Check(string layout, params string[] extra)
    {
        var result = Tool.OciLint(["check", layout, "--deep", "-f", "json", "--fail-on", "never", .. extra]);
        result.ExitCode.ShouldBe(0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var target = document.RootElement.GetProperty("targets")[0];
        if (target.TryGetProperty("toolErrors", out var toolErrors))
        {
            toolErrors.GetArrayLength().ShouldBe(0, result.Stdout);
        }

        return [.. target.GetProperty("findings").EnumerateArray().Select(f => new Reported(f.GetProperty("ruleId").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("message").GetString()!))];
    }

    private static List<string> Errors(List<Reported> findings) => [.. findings.Where(f => f.Severity == "error").Select(f => $"{f.RuleId}: {f.Message}")];
}
