using System.Diagnostics;
using OciLint.Core.Engine;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Hostile;

/// <summary>Copies of a valid layout to break, and a lint run that fails the test instead of hanging or reading outside.</summary>
internal static class HostileLayout
{
    /// <summary>samples/single-tag: oci-layout, index.json, a manifest, its config and one layer.</summary>
    public static string Valid => Path.Combine(RepoPaths.Root, "samples", "single-tag");

    public static IReadOnlyList<string> Files(string layout) =>
        [.. Directory.EnumerateFiles(layout, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(layout, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>The sample's one layer (a gzip blob, never parsed as JSON).</summary>
    public const string Layer = "blobs/sha256/9e94b14022a994edbd79b80ca1e92f872235519062eb50042860781164c366da";

    public static void Copy(string from, string to) => Fixture.CopyTree(from, to);

    /// <summary>A copy of <see cref="Valid"/> in <paramref name="temp"/>/layout, to break.</summary>
    public static string CopyValid(TempDir temp)
    {
        var layout = temp.Combine("layout");
        Copy(Valid, layout);
        return layout;
    }

    /// <summary>Each value twice, with false and with true (plain and gzip, arrays and objects...).</summary>
    public static TheoryData<T, bool> EachWithFalseAndTrue<T>(IEnumerable<T> values)
    {
        var data = new TheoryData<T, bool>();
        foreach (var value in values)
        {
            data.Add(value, false);
            data.Add(value, true);
        }

        return data;
    }

    /// <summary>
    /// A FIFO: opening it for reading blocks until a writer comes, so a linter that follows a link to it never returns
    /// and <see cref="RunGuarded"/> reports a read outside the layout.
    /// </summary>
    public static string Fifo(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "outside-fifo");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0, "mkfifo failed");
        return path;
    }

    /// <summary>The findings, one a line, for an assertion's message.</summary>
    public static string Describe(LintResult result) =>
        string.Join("\n", result.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Location.File}: {f.Message}"));

    /// <summary>Lints <paramref name="target"/> on another thread; a run that does not end within the limit fails the test.</summary>
    public static LintResult RunGuarded(string target, string? fifo = null, RuleConfiguration? configuration = null, LintSettings? settings = null, int seconds = 60) =>
        Guarded(() => Lint.Run(target, configuration, settings), target, fifo, seconds);

    public static T Guarded<T>(Func<T> run, string what, string? fifo, int seconds)
    {
        var task = Task.Run(run);
        if (task.Wait(TimeSpan.FromSeconds(seconds)))
        {
            return task.Result;
        }

        if (fifo is not null)
        {
            // Let the blocked open return, so the stuck run ends with the test.
            using var release = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            throw new ShouldAssertException($"{what}: did not end within {seconds} s: it opened {fifo}, a file outside the layout");
        }

        throw new ShouldAssertException($"{what}: did not end within {seconds} s");
    }
}
