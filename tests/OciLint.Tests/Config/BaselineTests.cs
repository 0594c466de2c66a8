using System.Text.Json;
using System.Text.Json.Nodes;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Config;

/// <summary>--write-baseline / --baseline and the config's ignore entries, on real layouts and files.</summary>
public sealed class BaselineTests
{
    [Fact]
    public void Baseline_Suppresses_Recorded_Findings_Even_After_Index_Json_Is_Reformatted()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.MultiTag, temp.Combine("image"));
        var baseline = temp.Combine("ocilint-baseline.json");

        var write = Run.Cli("check", layout, "--rules", Run.Examples, "--write-baseline", baseline, "--fail-on", "note");
        write.Code.ShouldBe(0, write.ToString());
        write.Stderr.ShouldContain("accepted finding(s) to");
        var recorded = JsonNode.Parse(File.ReadAllText(baseline))!;
        recorded["version"]!.GetValue<int>().ShouldBe(1);
        var entries = recorded["findings"]!.AsArray();
        entries.Count.ShouldBeGreaterThan(2);
        entries.ShouldAllBe(e => e!["target"]!.GetValue<string>() == "image");
        entries.Select(e => e!["rule"]!.GetValue<string>()).ShouldContain("OCI902");
        entries.Select(e => e!["rule"]!.GetValue<string>()).ShouldContain("POL003", "declarative rules are baselined like any other");

        // Same content, other lines and columns: the fingerprints carry no line numbers.
        var index = temp.Combine("image", "index.json");
        var pretty = JsonNode.Parse(File.ReadAllText(index))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(index, pretty + "\n");

        var sarif = temp.Combine("out.sarif");
        var junit = temp.Combine("out.xml");
        var json = temp.Combine("out.json");
        var check = Run.Cli("check", layout, "--rules", Run.Examples, "--baseline", baseline, "-f", "text", "-o", "-", "-f", "json", "-o", json, "-f", "sarif", "-o", sarif, "-f", "junit", "-o", junit);

        check.Stderr.ShouldNotContain("stale");
        var findings = JsonNode.Parse(File.ReadAllText(json))!["targets"]![0]!["findings"]!.AsArray();
        var suppressed = findings.Where(f => f!["suppressed"]!.GetValue<bool>()).ToList();
        suppressed.Count.ShouldBe(entries.Count, "every recorded finding is found again and suppressed");
        suppressed.ShouldAllBe(f => f!["suppressedBy"]!.GetValue<string>().StartsWith("in baseline", StringComparison.Ordinal));
        findings.Single(f => f!["ruleId"]!.GetValue<string>() == "OCI902")!["line"]!.GetValue<int>().ShouldBeGreaterThan(1, "the reformatted file moved the finding");
        check.Stdout.ShouldContain($"{entries.Count} suppressed");
        File.ReadAllText(sarif).ShouldContain("\"suppressions\"");
        File.ReadAllText(sarif).ShouldContain("\"justification\": \"in baseline");
        File.ReadAllText(junit).ShouldContain("<skipped message=\"Suppressed: in baseline");
    }

    [Fact]
    public void Stale_Baseline_Entries_Are_Reported_Without_Failing_The_Run()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.MultiTag, temp.Combine("image"));
        var baseline = temp.Combine("baseline.json");
        Run.Cli("check", layout, "--write-baseline", baseline).Code.ShouldBe(0);

        // The multi-tag problem is fixed: index.json now has one entry.
        File.Copy(Path.Combine(Run.SingleTag, "index.json"), temp.Combine("image", "index.json"), overwrite: true);
        var check = Run.Cli("check", layout, "--baseline", baseline);

        check.Code.ShouldBe(0, check.ToString());
        check.Stderr.ShouldContain($"{baseline}: ");
        check.Stderr.ShouldContain("no current finding (fixed, or changed); refresh it with --write-baseline");
        check.Stderr.ShouldContain("stale: image: OCI901 index.json");
        check.Stderr.ShouldContain("stale: image: OCI902 index.json#/manifests/1");
    }

    [Fact]
    public void Rewriting_A_Baseline_Keeps_The_Entries_Of_Layouts_Not_Checked()
    {
        using var temp = new TempDir();
        var a = Run.CopyLayout(Run.MultiTag, temp.Combine("a"));
        var b = Run.CopyLayout(Run.MultiTag, temp.Combine("b"));
        var baseline = temp.Combine("baseline.json");
        Run.Cli("check", a, b, "--write-baseline", baseline).Code.ShouldBe(0);
        var both = Targets(baseline);
        both.ShouldBe(["a", "b"]);

        Run.Cli("check", a, "--write-baseline", baseline).Code.ShouldBe(0);

        Targets(baseline).ShouldBe(["a", "b"]);
        var check = Run.Cli("check", b, "--baseline", baseline, "--fail-on", "note");
        check.Code.ShouldBe(0, check.ToString());
        check.Stderr.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{\"version\": 2, \"findings\": []}", "1:13: unsupported baseline version")]
    [InlineData("{\"version\": 1, \"findings\": [{\"rule\": \"OCI902\"}]}", "1:29: a baseline entry needs")]
    [InlineData("{\"name\": \"not a baseline\"}", "1:1: not an OciLint baseline")]
    public void Broken_Baseline_Is_Exit_2_With_Its_Position(string text, string problem)
    {
        using var temp = new TempDir();
        var baseline = temp.Combine("baseline.json");
        File.WriteAllText(baseline, text);

        var check = Run.Cli("check", Run.SingleTag, "--baseline", baseline);

        check.Code.ShouldBe(2);
        check.Stderr.ShouldStartWith($"ocilint: {baseline}:{problem}");
        Run.Cli("check", Run.SingleTag, "--baseline", temp.Combine("missing.json")).Stderr.ShouldContain("missing.json: no such file");
    }

    [Fact]
    public void Ignore_Entry_Suppresses_Matching_Findings_With_Its_Reason()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.MultiTag, temp.Combine("image"));
        var config = temp.Combine(".ocilint.json");
        File.WriteAllText(config, """
            {
              "failOn": "warning",
              "ignore": [
                { "rule": "compat/index-duplicate-digest", "pointer": "/manifests/1", "path": "imag*/index.json", "reason": "v1 and latest are one image on purpose" },
                { "rule": "OCI901", "path": "other/**", "reason": "not this layout" }
              ]
            }
            """);
        var sarif = temp.Combine("out.sarif");

        var check = Run.Cli("check", layout, "-f", "json", "-f", "sarif", "-o", "-", "-o", sarif);

        var findings = JsonNode.Parse(check.Stdout)!["targets"]![0]!["findings"]!.AsArray();
        var dup = findings.Single(f => f!["ruleId"]!.GetValue<string>() == "OCI902")!;
        dup["suppressedBy"]!.GetValue<string>().ShouldBe($"ignored by {config}:4:5: v1 and latest are one image on purpose");
        findings.Single(f => f!["ruleId"]!.GetValue<string>() == "OCI901")!["suppressed"]!.GetValue<bool>().ShouldBeFalse();
        check.Code.ShouldBe(1, "OCI901 still fails the run at --fail-on warning");
        File.ReadAllText(sarif).ShouldContain("\"justification\": \"ignored by ");
    }

    [Fact]
    public void Ignore_Entry_With_Another_Pointer_Or_Digest_Does_Not_Match()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.MultiTag, temp.Combine("image"));
        File.WriteAllText(temp.Combine(".ocilint.json"), """
            { "ignore": [
                { "rule": "OCI902", "pointer": "/manifests/0", "reason": "wrong entry" },
                { "rule": "OCI902", "digest": "sha256:0000000000000000000000000000000000000000000000000000000000000000", "reason": "wrong blob" }
            ] }
            """);

        var check = Run.Cli("check", layout, "-q");

        check.Stdout.ShouldContain("warning OCI902 ");
    }

    [Fact]
    public void Expired_Ignore_Entry_Stops_Applying_And_Says_So()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.MultiTag, temp.Combine("image"));
        var config = temp.Combine(".ocilint.json");
        File.WriteAllText(config, """
            { "ignore": [
                { "rule": "OCI902", "reason": "until the registry migration", "expires": "2000-01-31" },
                { "rule": "OCI901", "reason": "far future", "expires": "2999-12-31" }
            ] }
            """);

        var check = Run.Cli("check", layout, "-q");

        check.Stdout.ShouldContain("warning OCI902 ");
        check.Stdout.ShouldNotContain("OCI901");
        check.Stderr.ShouldBe($"ocilint: {config}:2:5: the ignore entry for OCI902 expired on 2000-01-31 and no longer applies (its reason: until the registry migration)\n");
    }

    [Fact]
    public void Ignored_Findings_Are_Not_Recorded_In_A_Baseline()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.MultiTag, temp.Combine("image"));
        File.WriteAllText(temp.Combine(".ocilint.json"), """{ "ignore": [ { "rule": "OCI902", "reason": "accepted in the config" } ] }""");
        var baseline = temp.Combine("baseline.json");

        Run.Cli("check", layout, "--write-baseline", baseline).Code.ShouldBe(0);

        var rules = JsonNode.Parse(File.ReadAllText(baseline))!["findings"]!.AsArray().Select(e => e!["rule"]!.GetValue<string>()).ToList();
        rules.ShouldContain("OCI901");
        rules.ShouldNotContain("OCI902");
    }

    private static List<string> Targets(string baseline) =>
        [.. JsonNode.Parse(File.ReadAllText(baseline))!["findings"]!.AsArray().Select(e => e!["target"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal)];
}
