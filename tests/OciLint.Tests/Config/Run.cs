using OciLint.Cli;
using OciLint.Tests.Support;

namespace OciLint.Tests.Config;

public sealed record RunResult(int Code, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {Code}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>The CLI in-process, with a console that can pretend to be a terminal.</summary>
internal static class Run
{
    public static string SingleTag => Path.Combine(RepoPaths.Root, "samples", "single-tag");

    public static string MultiTag => Path.Combine(RepoPaths.Root, "samples", "buildx-multi-tag");

    public static string Examples => Path.Combine(RepoPaths.Root, "rules", "examples");

    public static RunResult Cli(params string[] args) => Cli(terminal: false, args);

    public static RunResult Cli(bool terminal, params string[] args)
    {
        var console = new TestConsole(outputRedirected: !terminal, errorRedirected: !terminal);
        var code = Entry.Run(args, console);
        return new RunResult(code, console.Out.ToString()!, console.Error.ToString()!);
    }

    /// <summary>Copies a layout into a folder of its own (tests write configs and baselines beside it).</summary>
    public static string CopyLayout(string from, string to)
    {
        Fixture.CopyTree(from, to);
        return to;
    }
}
