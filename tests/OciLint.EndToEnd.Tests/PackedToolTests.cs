using System.Diagnostics;
using System.Reflection;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.EndToEnd.Tests;

/// <summary>
/// The shipped form: `dotnet pack` the CLI (from the build this test project already made), install the package into a
/// temporary tool path from that folder alone (no other package source, an empty package cache: it works offline),
/// and run the installed `ocilint`.
/// </summary>
public sealed class PackedToolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void Packed_Tool_Installs_Offline_And_Checks_The_Sample()
    {
        using var temp = new TempDir();
        var version = typeof(OciLint.Cli.Entry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var feed = Directory.CreateDirectory(temp.Combine("feed")).FullName;
        var project = Path.Combine(RepoPaths.Root, "src", "OciLint.Cli", "OciLint.Cli.csproj");

        var pack = Exec("dotnet", ["pack", project, "--no-build", "-c", Configuration(), "-o", feed, "-nologo"], temp.Path);
        pack.ExitCode.ShouldBe(0, pack.ToString());
        File.Exists(Path.Combine(feed, $"OciLint.{version}.nupkg")).ShouldBeTrue(pack.ToString());

        var config = temp.Combine("nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="ocilint-under-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = temp.Combine("tools");
        // A private package cache: nothing may come from the machine's cache or the network.
        var install = Exec("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", feed, "OciLint", "--version", version], temp.Path, temp.Combine("packages"));
        install.ExitCode.ShouldBe(0, install.ToString());
        var ocilint = Path.Combine(tools, OperatingSystem.IsWindows() ? "ocilint.exe" : "ocilint");
        File.Exists(ocilint).ShouldBeTrue(install.ToString());

        Exec(ocilint, ["--version"], RepoPaths.Root).Stdout.Trim().ShouldBe(version);

        var check = Exec(ocilint, ["check", "samples/single-tag"], RepoPaths.Root);
        check.ExitCode.ShouldBe(0, check.ToString());
        check.Stdout.ShouldContain("in 1 layout");
        check.Stderr.ShouldBeEmpty();

        // Embedded in the package: doc pages, schemas and the built-in declarative rules; user rules load from disk.
        Exec(ocilint, ["explain", "OCI509"], RepoPaths.Root).Stdout.ShouldContain("## Fix safety");
        var policies = Exec(ocilint, ["check", "samples/buildx-multi-tag", "--rules", "rules/examples", "-q"], RepoPaths.Root);
        policies.ExitCode.ShouldBe(0, policies.ToString());
        policies.Stdout.ShouldContain("warning POL003 policy/ref-name-semver");
    }

    /// <summary>Debug or Release: whatever built this test assembly also built the CLI.</summary>
    private static string Configuration()
    {
        var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
    }

    private static ToolResult Exec(string program, IEnumerable<string> args, string workingDirectory, string? packages = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (packages is not null)
        {
            info.Environment["NUGET_PACKAGES"] = packages;
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {Timeout.TotalMinutes} min");
        }

        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
