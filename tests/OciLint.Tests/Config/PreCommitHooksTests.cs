using System.Text.RegularExpressions;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Config;

/// <summary>.pre-commit-hooks.yaml: what pre-commit reads from this repository (checked as text: no YAML library here).</summary>
public sealed class PreCommitHooksTests
{
    [Fact]
    public void Every_Hook_Runs_Check_At_Pre_Push_On_Layout_Files()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, ".pre-commit-hooks.yaml"));
        var hooks = Regex.Split(text, @"^- ", RegexOptions.Multiline).Skip(1).ToList();

        hooks.Count.ShouldBe(2);
        foreach (var hook in hooks)
        {
            Value(hook, "entry").ShouldBe("ocilint check");
            Value(hook, "stages").ShouldBe("[pre-commit, pre-push, manual]");
            Value(hook, "minimum_pre_commit_version").ShouldBe("\"3.2.0\"");
            var files = new Regex(Value(hook, "files"));
            files.IsMatch("images/app/index.json").ShouldBeTrue();
            files.IsMatch("oci-layout").ShouldBeTrue();
            files.IsMatch("build/app.oci.tar").ShouldBeTrue();
            files.IsMatch("src/package.json").ShouldBeFalse();
            files.IsMatch("blobs/sha256/4ddfcb6b").ShouldBeFalse();
        }

        hooks.Select(h => Value(h, "language")).ShouldBe(["dotnet", "system"]);
    }

    private static string Value(string hook, string key) =>
        Regex.Match(hook, $@"^\s*{key}: (.+)$", RegexOptions.Multiline) is { Success: true } match ? match.Groups[1].Value.Trim() : throw new ShouldAssertException($"hook lacks {key}:\n{hook}");
}
