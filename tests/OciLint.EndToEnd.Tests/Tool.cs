using System.Diagnostics;
using OciLint.Tests.Support;

namespace OciLint.EndToEnd.Tests;

public sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>Runs real programs: the built ocilint and the consumers (skopeo, umoci, jq, xmllint). A hang is a failure, never a wait.</summary>
public static class Tool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string OciLintDll => Path.Combine(AppContext.BaseDirectory, "ocilint.dll");

    public static ToolResult OciLint(params string[] args) => Run("dotnet", [OciLintDll, .. args]);

    public static ToolResult Run(string program, IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s");
        }

        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The path of a program the end-to-end tests need; .ci/run installs them all.</summary>
    public static string Require(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{program} is not installed; run .ci/run (it installs skopeo, umoci, jq, xmllint and the validators)");
    }

    public static string Env(string name, string fallbackRelativeToRepo)
    {
        var value = Environment.GetEnvironmentVariable(name);
        var path = string.IsNullOrEmpty(value) ? Path.Combine(RepoPaths.Root, fallbackRelativeToRepo) : value;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{name} not set and {path} missing; run .ci/run to install the validators");
        }

        return path;
    }
}
