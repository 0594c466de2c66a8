using OciLint.Core.Fixes;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Fixes;

/// <summary>The one atomic write that fixes and reports go through: whole old file or whole new file, and a durable rename.</summary>
public sealed class AtomicFileTests
{
    [Fact]
    public void Replaces_The_Content_Keeps_The_Mode_And_Leaves_No_Temporary_File()
    {
        using var temp = new TempDir();
        var path = temp.Combine("index.json");
        File.WriteAllText(path, "old");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        AtomicFile.Write(path, "new"u8.ToArray());

        File.ReadAllText(path).ShouldBe("new");
        Directory.GetFiles(temp.Path).ShouldBe([path]);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }
    }

    [Fact]
    public void A_Failure_Before_The_Rename_Leaves_The_Old_File_Whole()
    {
        using var temp = new TempDir();
        var path = temp.Combine("index.json");
        File.WriteAllText(path, "old");

        Should.Throw<IOException>(() => AtomicFile.Write(path, "new"u8.ToArray(), beforeRename: _ => throw new IOException("disk full")));

        File.ReadAllText(path).ShouldBe("old");
        Directory.GetFiles(temp.Path).ShouldBe([path]);
    }

    [Fact]
    public void Create_New_Never_Overwrites()
    {
        using var temp = new TempDir();
        var path = temp.Combine("fixed.tar");
        File.WriteAllText(path, "someone else's");

        Should.Throw<IOException>(() => AtomicFile.Write(path, "ours"u8.ToArray(), createNew: true));

        File.ReadAllText(path).ShouldBe("someone else's");
    }

    [Fact]
    public void The_Folder_Is_Flushed_Where_The_Platform_Allows()
    {
        using var temp = new TempDir();
        AtomicFile.FlushFolder(temp.Path).ShouldBe(!OperatingSystem.IsWindows());
        AtomicFile.FlushFolder(temp.Combine("missing")).ShouldBeFalse();
    }
}
