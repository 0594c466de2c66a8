using OciLint.Cli;
using OciLint.Core.Blobs;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Cli;

public sealed class ProgressTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void No_Renderer_On_A_Pipe_Or_When_Quiet()
    {
        Progress.For(new TestConsole(errorRedirected: true), quiet: false).ShouldBeNull();
        Progress.For(new TestConsole(errorRedirected: false), quiet: true).ShouldBeNull();
        Progress.For(new TestConsole(errorRedirected: false), quiet: false).ShouldNotBeNull();
    }

    [Fact]
    public void Nothing_Is_Drawn_During_The_First_Second()
    {
        var console = new TestConsole(errorRedirected: false);
        var progress = Progress.For(console, quiet: false)!;

        progress.Report(new HashProgress(10 * MiB, 100 * MiB, 1, 10, TimeSpan.FromMilliseconds(900), Done: false));
        progress.Report(new HashProgress(100 * MiB, 100 * MiB, 10, 10, TimeSpan.FromMilliseconds(950), Done: true));

        console.Error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void A_Long_Hash_Draws_One_Line_In_Place_And_Erases_It()
    {
        var console = new TestConsole(errorRedirected: false);
        var progress = Progress.For(console, quiet: false)!;

        progress.Report(new HashProgress(512 * MiB, 2048 * MiB, 3, 2050, TimeSpan.FromSeconds(1), Done: false));
        progress.Report(new HashProgress(1024 * MiB, 2048 * MiB, 5, 2050, TimeSpan.FromSeconds(2), Done: false));
        progress.Report(new HashProgress(2048 * MiB, 2048 * MiB, 2050, 2050, TimeSpan.FromSeconds(4), Done: true));

        var text = console.Error.ToString()!;
        text.ShouldNotContain("\n");
        text.ShouldContain("hashing blobs: 512 MiB of 2.0 GiB (3/2050 blobs), 512 MiB/s, 0:03 left");
        text.ShouldContain("hashing blobs: 1.0 GiB of 2.0 GiB (5/2050 blobs), 512 MiB/s, 0:02 left");

        // The last thing written blanks the line and returns to its start, so the report starts on a clean line.
        text.ShouldEndWith("\r");
        text.Split('\r')[^2].Trim().ShouldBeEmpty();
    }
}
