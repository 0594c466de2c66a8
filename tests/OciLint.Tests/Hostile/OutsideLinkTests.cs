using OciLint.Core.Findings;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Hostile;

/// <summary>
/// Links that leave the layout by a detour: through another link, or through a linked folder that a lexical
/// check of the path would take for inside. They end at a FIFO, so following one hangs and fails the test.
/// </summary>
public sealed class OutsideLinkTests
{
    [Theory]
    [InlineData("relative-climb")]
    [InlineData("via-link-at-root")]
    [InlineData("through-a-linked-folder")]
    public void A_Blob_Link_That_Leaves_By_A_Detour_Is_Not_Followed(string shape)
    {
        using var temp = new TempDir();
        var layout = HostileLayout.CopyValid(temp);
        var fifo = HostileLayout.Fifo(temp.Path);
        var blob = Path.Combine(layout, HostileLayout.Layer);
        File.Delete(blob);
        switch (shape)
        {
            case "relative-climb":
                File.CreateSymbolicLink(blob, "../../../" + Path.GetFileName(fifo));
                break;
            case "via-link-at-root":
                File.CreateSymbolicLink(Path.Combine(layout, "hop"), fifo);
                File.CreateSymbolicLink(blob, "../../hop");
                break;
            default:
                // Lexically sub/../../../fifo is one level above the layout; the kernel resolves "sub" first, to far/away, and lands beside it.
                Directory.CreateDirectory(temp.Combine("far", "away"));
                Directory.CreateSymbolicLink(Path.Combine(layout, "sub"), temp.Combine("far", "away"));
                File.CreateSymbolicLink(Path.Combine(temp.Path, "far", Path.GetFileName(fifo)), fifo);
                File.CreateSymbolicLink(blob, "../../sub/../" + Path.GetFileName(fifo));
                break;
        }

        var result = HostileLayout.RunGuarded(layout, fifo);

        result.Errors.ShouldBeEmpty();
        result.Findings.ShouldContain(f => f.RuleId == "OCI410" && f.Severity == Severity.Error && f.Location.File == HostileLayout.Layer, HostileLayout.Describe(result));
    }

    [Theory]
    [InlineData("blobs", "OCI011")]
    [InlineData("blobs/sha256", "OCI410")]
    public void A_Blob_Folder_Linked_Outside_Is_Not_Descended(string folder, string rule)
    {
        // The folder outside has every blob's name, each a link to the FIFO: opening any of them would block.
        using var temp = new TempDir();
        var layout = HostileLayout.CopyValid(temp);
        var fifo = HostileLayout.Fifo(temp.Path);
        var outside = temp.Combine("outside");
        foreach (var blob in HostileLayout.Files(layout).Where(f => f.StartsWith(folder + "/", StringComparison.Ordinal)))
        {
            var copy = Path.Combine(outside, Path.GetRelativePath(folder, blob));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.CreateSymbolicLink(copy, fifo);
        }

        Directory.Delete(Path.Combine(layout, folder), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(layout, folder), outside);

        var result = HostileLayout.RunGuarded(layout, fifo);

        result.Errors.ShouldBeEmpty();
        result.Findings.ShouldContain(f => f.RuleId == rule && f.Severity == Severity.Error && f.Location.File == folder, HostileLayout.Describe(result));
        result.Model!.Source.Entries.ShouldNotContain(e => e.Path.StartsWith(folder + "/", StringComparison.Ordinal), "the walk went into a linked folder");
    }
}
