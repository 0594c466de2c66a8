using System.Diagnostics;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using OciLint.Core.Plugins;
using OciLint.Core.Rules;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Config;

/// <summary>A real plugin: tests/plugins/SamplePlugin, built with `dotnet build` against the OciLint.Core under test.</summary>
public sealed class PluginTests
{
    private static readonly Lazy<string> Plugin = new(Build);

    [Fact]
    public void Plugin_Rule_Runs_Like_A_Built_In_Rule()
    {
        var check = Run.Cli("check", Run.SingleTag, "--plugin", Plugin.Value, "-f", "json");

        check.Code.ShouldBe(0, check.ToString());
        var finding = JsonNode.Parse(check.Stdout)!["targets"]![0]!["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "SMP001")!;
        finding["pointer"]!.GetValue<string>().ShouldBe("/config/User");
        finding["file"]!.GetValue<string>().ShouldStartWith("blobs/sha256/", customMessage: "the image config");
        finding["severity"]!.GetValue<string>().ShouldBe("warning");

        Run.Cli("check", Run.SingleTag, "--plugin", Plugin.Value, "--enable", "SMP001", "--fail-on", "warning").Code.ShouldBe(1);
        Run.Cli("check", Run.SingleTag, "--plugin", Plugin.Value, "--disable", "sample/*", "-q").Stdout.ShouldNotContain("SMP001");
    }

    [Fact]
    public void Plugin_Rules_Are_Listed_And_Explained()
    {
        Run.Cli("rules", "--plugin", Plugin.Value).Stdout.ShouldContain("SMP001  sample/runs-as-root");
        var explain = Run.Cli("explain", "SMP001", "--plugin", Plugin.Value);
        explain.Code.ShouldBe(0);
        explain.Stdout.ShouldContain("every container of the image runs as root");
        explain.Stdout.ShouldContain("https://github.com/ocilint/ocilint/tree/main/tests/plugins/SamplePlugin");
    }

    [Fact]
    public void Plugin_Listed_In_The_Config_Is_Loaded_Relative_To_It()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.SingleTag, temp.Combine("image"));
        var folder = Directory.CreateDirectory(temp.Combine("plugins")).FullName;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Plugin.Value)!))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.WriteAllText(temp.Combine(".ocilint.json"), """{ "plugins": ["plugins/SamplePlugin.dll"], "rules": { "SMP001": "error" } }""");

        var check = Run.Cli("check", layout, "-q");

        check.Code.ShouldBe(1, check.ToString());
        check.Stdout.ShouldContain("error SMP001 sample/runs-as-root");
    }

    [Fact]
    public void Plugin_Gets_Its_Own_Load_Context_And_Shares_OciLint_Core()
    {
        var rule = PluginLoader.Load(Plugin.Value).Single();

        AssemblyLoadContext.GetLoadContext(rule.GetType().Assembly).ShouldNotBe(AssemblyLoadContext.Default);
        rule.GetType().GetInterfaces().ShouldContain(typeof(IRule));
    }

    [Fact]
    public void Missing_Or_Broken_Plugin_Is_A_Usage_Error()
    {
        using var temp = new TempDir();
        var missing = Run.Cli("check", Run.SingleTag, "--plugin", temp.Combine("nope.dll"));
        missing.Code.ShouldBe(2);
        missing.Stderr.ShouldContain("nope.dll: plugin not found");

        var bogus = temp.Combine("bogus.dll");
        File.WriteAllText(bogus, "not an assembly");
        var broken = Run.Cli("check", Run.SingleTag, "--plugin", bogus);
        broken.Code.ShouldBe(2);
        broken.Stderr.ShouldContain("bogus.dll: not a .NET assembly");

        File.WriteAllText(temp.Combine(".ocilint.json"), "{\n  \"plugins\": [\"gone.dll\"]\n}");
        var layout = Run.CopyLayout(Run.SingleTag, temp.Combine("image"));
        Run.Cli("check", layout).Stderr.ShouldBe($"ocilint: {temp.Combine(".ocilint.json")}:2:15: \"plugins\": {temp.Combine("gone.dll")} does not exist\n");
    }

    /// <summary>
    /// Copies the plugin project beside the test binaries (so its obj/ and bin/ stay out of the source tree and
    /// `dotnet clean` removes them) and builds it there.
    /// </summary>
    private static string Build()
    {
        var work = Path.Combine(AppContext.BaseDirectory, "sample-plugin");
        var source = Path.Combine(RepoPaths.Root, "tests", "plugins", "SamplePlugin");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        foreach (var file in Directory.GetFiles(source).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
        }

        var output = Path.Combine(work, "out");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = work };
        foreach (var arg in new[] { "build", "SamplePlugin.csproj", "-nologo", "-v", "q", "-o", output, $"-p:OciLintCore={typeof(IRule).Assembly.Location}" })
        {
            info.ArgumentList.Add(arg);
        }

        // The test host's MSBuild variables would point the nested build at the outer one's SDK state.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("building the sample plugin took over 3 minutes");
        }

        var dll = Path.Combine(output, "SamplePlugin.dll");
        if (process.ExitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"dotnet build of the sample plugin failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        return dll;
    }
}
