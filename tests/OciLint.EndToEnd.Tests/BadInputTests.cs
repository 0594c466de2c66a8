using System.Text;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.EndToEnd.Tests;

/// <summary>Broken input gives findings or one clear line and exit 2: never a stack trace or a hang.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Missing_Path_Is_One_Line_And_Exit_2()
    {
        var result = Tool.OciLint("check", "/no/such/layout");
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.Trim().ShouldBe("ocilint: /no/such/layout: no such file or directory");
    }

    [Fact]
    public void Unknown_Option_Is_Exit_2_Without_Stack_Trace()
    {
        var result = Tool.OciLint("check", "--frobnicate");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("frobnicate");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("empty-folder", "OCI002", "OCI008")]
    [InlineData("not-a-tar", "OCI001")]
    [InlineData("truncated-tar", "OCI001")]
    [InlineData("index-not-json", "OCI101")]
    [InlineData("index-null", "OCI102")]
    [InlineData("index-array", "OCI102")]
    [InlineData("index-deeply-nested", "OCI101")]
    [InlineData("oci-layout-missing", "OCI002")]
    public void Broken_Layout_Gives_Findings_And_Exit_1(string shape, params string[] rules)
    {
        using var temp = new TempDir();
        var target = Make(shape, temp);
        var result = Tool.OciLint("check", target);
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldBeEmpty();
        foreach (var rule in rules)
        {
            result.Stdout.ShouldContain($"error {rule} ");
        }
    }

    private static string Make(string shape, TempDir temp)
    {
        var sample = Path.Combine(RepoPaths.Root, "samples", "single-tag");
        var layout = temp.Combine("layout");
        if (shape != "not-a-tar" && shape != "truncated-tar")
        {
            Directory.CreateDirectory(layout);
            if (shape != "empty-folder")
            {
                CopyTree(sample, layout);
            }
        }

        switch (shape)
        {
            case "not-a-tar":
                File.WriteAllText(temp.Combine("x.tar"), "hello, this is not a tar\n");
                return temp.Combine("x.tar");
            case "truncated-tar":
                var tar = Layouts.Tar(sample, temp.Combine("full.tar"));
                var bytes = File.ReadAllBytes(tar);
                File.WriteAllBytes(temp.Combine("cut.tar"), bytes[..(bytes.Length / 3)]);
                return temp.Combine("cut.tar");
            case "index-not-json":
                File.WriteAllText(Path.Combine(layout, "index.json"), "{\"schemaVersion\": 2, \"manifests\": [");
                break;
            case "index-null":
                File.WriteAllText(Path.Combine(layout, "index.json"), "null");
                break;
            case "index-array":
                File.WriteAllText(Path.Combine(layout, "index.json"), "[]");
                break;
            case "index-deeply-nested":
                // 50 MB of nested arrays.
                var half = 25 * 1024 * 1024;
                var text = new StringBuilder(half * 2).Append('[', half).Append(']', half).ToString();
                File.WriteAllText(Path.Combine(layout, "index.json"), text);
                break;
            case "oci-layout-missing":
                File.Delete(Path.Combine(layout, "oci-layout"));
                break;
        }

        return layout;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
