using Shouldly;

namespace OciLint.EndToEnd.Tests;

/// <summary>Layouts made by the real tools, in the test, as users make them.</summary>
public static class Layouts
{
    /// <summary>One image tagged v1 and latest by umoci: two index.json entries, one digest (the Buildx v0.20 shape).</summary>
    public static string MultiTag(string folder)
    {
        var layout = Path.Combine(folder, "multi-tag");
        Umoci("init", "--layout", layout);
        Umoci("new", "--image", layout + ":v1");
        Umoci("tag", "--image", layout + ":v1", "latest");
        return layout;
    }

    /// <summary>A tar of a layout folder, members relative to its root (as buildx writes).</summary>
    public static string Tar(string layout, string tarPath)
    {
        var result = Tool.Run(Tool.Require("tar"), ["-C", layout, "-cf", tarPath, "."]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return tarPath;
    }

    private static void Umoci(params string[] args)
    {
        var result = Tool.Run(Tool.Require("umoci"), args);
        result.ExitCode.ShouldBe(0, result.ToString());
    }
}
