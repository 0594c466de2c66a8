using System.Security.Cryptography;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.EndToEnd.Tests;

/// <summary>`ocilint fix` against layouts made by umoci, judged by skopeo and umoci themselves.</summary>
public sealed class FixTests
{
    [Fact]
    public void Unsafe_Fix_Makes_A_MultiTag_Layout_Consumable_By_Skopeo_Without_Touching_A_Blob()
    {
        using var temp = new TempDir();
        var layout = Layouts.MultiTag(temp.Path);
        SkopeoInspect("oci:" + layout).Stderr.ShouldContain("more than one image in oci, choose an image");
        var blobs = Blobs(layout);
        var original = Snapshot(layout);

        var diff = Tool.OciLint("fix", "--unsafe", "--diff", layout);
        diff.ExitCode.ShouldBe(1, diff.ToString());
        diff.Stdout.ShouldContain("--- a/");
        diff.Stdout.ShouldContain("\"org.opencontainers.image.ref.name\":\"latest\"");
        Snapshot(layout).ShouldBe(original, "--diff writes nothing: same bytes, same modification times");

        var fix = Tool.OciLint("fix", "--unsafe", layout);
        fix.ExitCode.ShouldBe(0, fix.ToString());
        fix.Stdout.ShouldContain("drops ref name(s) \"latest\"");

        SkopeoInspect("oci:" + layout).ExitCode.ShouldBe(0, "skopeo reads the fixed layout");
        Tool.Run(Tool.Require("umoci"), ["stat", "--image", layout + ":v1"]).ExitCode.ShouldBe(0, "the kept tag still resolves");
        Blobs(layout).ShouldBe(blobs, "every blob is byte-identical");
        var fixedOnce = Snapshot(layout);
        var again = Tool.OciLint("fix", "--unsafe", layout);
        again.Stdout.ShouldStartWith("nothing to fix");
        Snapshot(layout).ShouldBe(fixedOnce, "a second fix is a no-op");
    }

    [Fact]
    public void Safe_Fix_Removes_An_Exact_Duplicate_Entry()
    {
        using var temp = new TempDir();
        var layout = Path.Combine(temp.Path, "dup");
        Umoci("init", "--layout", layout);
        Umoci("new", "--image", layout + ":v1");
        var index = Path.Combine(layout, "index.json");
        var jq = Tool.Run(Tool.Require("jq"), ["-c", ".manifests += [.manifests[0]]", index]);
        jq.ExitCode.ShouldBe(0, jq.ToString());
        File.WriteAllText(index, jq.Stdout.Trim());
        SkopeoInspect("oci:" + layout).Stderr.ShouldContain("more than one image in oci, choose an image");
        var blobs = Blobs(layout);
        var original = Snapshot(layout);

        Tool.OciLint("fix", "--diff", layout).ExitCode.ShouldBe(1);
        Snapshot(layout).ShouldBe(original);

        var fix = Tool.OciLint("fix", layout);
        fix.ExitCode.ShouldBe(0, fix.ToString());
        fix.Stdout.ShouldContain("OCI903 index.json: remove entry 1, an exact copy of entry 0");

        SkopeoInspect("oci:" + layout).ExitCode.ShouldBe(0);
        Blobs(layout).ShouldBe(blobs);
        Tool.Run(Tool.Require("jq"), ["-r", ".manifests | length", index]).Stdout.Trim().ShouldBe("1");
        var fixedOnce = Snapshot(layout);
        Tool.OciLint("fix", layout).Stdout.ShouldStartWith("nothing to fix");
        Snapshot(layout).ShouldBe(fixedOnce);
    }

    [Fact]
    public void Tar_Is_Fixed_Into_A_New_Tar_That_Skopeo_Reads()
    {
        using var temp = new TempDir();
        var tar = Layouts.Tar(Layouts.MultiTag(temp.Path), temp.Combine("multi-tag.tar"));
        var original = File.ReadAllBytes(tar);
        SkopeoInspect("oci-archive:" + tar).Stderr.ShouldContain("more than one image in oci");

        var refused = Tool.OciLint("fix", "--unsafe", tar);
        refused.ExitCode.ShouldBe(2);
        refused.Stderr.ShouldContain("-o FIXED.tar");

        var output = temp.Combine("fixed.tar");
        var fix = Tool.OciLint("fix", "--unsafe", tar, "-o", output);
        fix.ExitCode.ShouldBe(0, fix.ToString());

        SkopeoInspect("oci-archive:" + output).ExitCode.ShouldBe(0, "skopeo reads the fixed tar");
        File.ReadAllBytes(tar).ShouldBe(original, "the input tar is never rewritten");
        var members = Tool.Run(Tool.Require("tar"), ["-tf", tar]).Stdout;
        Tool.Run(Tool.Require("tar"), ["-tf", output]).Stdout.ShouldBe(members, "same members in the same order");
    }

    [Fact]
    public void RefName_Gives_Umoci_The_Tag_It_Looks_For()
    {
        using var temp = new TempDir();
        var layout = Path.Combine(temp.Path, "untagged");
        Umoci("init", "--layout", layout);
        Umoci("new", "--image", layout + ":v1");
        var index = Path.Combine(layout, "index.json");
        File.WriteAllText(index, Tool.Run(Tool.Require("jq"), ["-c", "del(.manifests[0].annotations)", index]).Stdout.Trim());
        var stat = Tool.Run(Tool.Require("umoci"), ["stat", "--image", layout]);
        stat.ExitCode.ShouldNotBe(0);
        stat.Stderr.ShouldContain("tag not found: latest");

        var check = Tool.OciLint("check", "--target", "umoci", layout);
        check.ExitCode.ShouldBe(1, "the umoci profile makes OCI905 an error");
        check.Stdout.ShouldContain("error OCI905");

        var fix = Tool.OciLint("fix", "--ref-name", "latest", layout);
        fix.ExitCode.ShouldBe(0, fix.ToString());
        Tool.Run(Tool.Require("umoci"), ["stat", "--image", layout]).ExitCode.ShouldBe(0);
    }

    private static ToolResult SkopeoInspect(string reference) => Tool.Run(Tool.Require("skopeo"), ["inspect", reference]);

    private static void Umoci(params string[] args)
    {
        var result = Tool.Run(Tool.Require("umoci"), args);
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    private static Dictionary<string, string> Blobs(string layout) =>
        Directory.GetFiles(Path.Combine(layout, "blobs"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(layout, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private static Dictionary<string, (string Hash, DateTime Modified)> Snapshot(string layout) =>
        Directory.GetFiles(layout, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(layout, f), f => (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))), File.GetLastWriteTimeUtc(f)));
}
