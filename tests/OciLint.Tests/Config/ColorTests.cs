using Shouldly;
using Xunit;

namespace OciLint.Tests.Config;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    /// <summary>Tests that set process-wide environment variables run alone.</summary>
    public const string Name = "process environment";
}

/// <summary>Colour only on a terminal, never with --no-color or a non-empty NO_COLOR (no-color.org).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ColorTests
{
    private const string Escape = "\u001b[";

    [Theory]
    [InlineData(true, null, false, true)]
    [InlineData(true, null, true, false)]
    [InlineData(true, "1", false, false)]
    [InlineData(true, "", false, true)]
    [InlineData(false, null, false, false)]
    public void Text_Report_Is_Coloured_Only_When_Allowed(bool terminal, string? noColor, bool flag, bool coloured)
    {
        var saved = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", noColor);
            var run = flag ? Run.Cli(terminal, "check", Run.MultiTag, "--no-color") : Run.Cli(terminal, "check", Run.MultiTag);

            run.Code.ShouldBe(0, run.ToString());
            run.Stdout.ShouldContain("OCI902");
            run.Stdout.Contains(Escape, StringComparison.Ordinal).ShouldBe(coloured, run.Stdout);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", saved);
        }
    }
}
