using NJsonSchema;
using OciLint.Core.Config;
using OciLint.Core.Findings;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Config;

/// <summary>.ocilint.json: real files in temporary folders, read by the loader and by the CLI.</summary>
public sealed class ConfigTests
{
    private static readonly Lazy<JsonSchema> ConfigSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Schemas, "ocilint-config.schema.json")).GetAwaiter().GetResult());

    private const string FullConfig = """
        {
          "$schema": "../schemas/ocilint-config.schema.json",
          "rules": { "compat/*": "error", "OCI716": "off" },
          "failOn": "warning",
          "targets": ["skopeo", "umoci"],
          "ruleDirectories": ["policies"],
          "plugins": ["plugins/acme.dll"],
          "ignore": [
            {
              "rule": "OCI902",
              "path": "images/**",
              "pointer": "/manifests/1",
              "digest": "sha256:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e",
              "reason": "v1 and latest are the same image on purpose",
              "expires": "2999-12-31"
            }
          ]
        }
        """;

    [Fact]
    public void Load_FullConfig_ReadsEveryMember()
    {
        using var temp = new TempDir();
        var path = temp.Combine(".ocilint.json");
        File.WriteAllText(path, FullConfig);

        var config = ConfigLoader.Load(path);

        config.Rules.Select(r => (r.Selector, r.Severity)).ShouldBe([("compat/*", Severity.Error), ("OCI716", Severity.Off)]);
        config.Rules[0].Position.Line.ShouldBe(3);
        config.FailOn.ShouldBe("warning");
        config.Targets.ShouldBe(["skopeo", "umoci"]);
        config.RuleDirectories.Single().FullPath.ShouldBe(temp.Combine("policies"));
        config.Plugins.Single().FullPath.ShouldBe(temp.Combine("plugins", "acme.dll"));
        var ignore = config.Ignore.Single();
        ignore.Rule.ShouldBe("OCI902");
        ignore.Reason.ShouldStartWith("v1 and latest");
        ignore.Expires.ShouldBe(new DateOnly(2999, 12, 31));
        ignore.Position.Line.ShouldBe(9);
    }

    [Fact]
    public void Published_Schema_Accepts_The_Full_Config()
    {
        ConfigSchema.Value.Validate(FullConfig).ShouldBeEmpty();
    }

    [Fact]
    public void Find_Takes_The_Nearest_Config_Above_The_Target()
    {
        using var temp = new TempDir();
        var deep = Directory.CreateDirectory(temp.Combine("repo", "images", "app")).FullName;
        File.WriteAllText(temp.Combine(".ocilint.json"), "{}");
        File.WriteAllText(temp.Combine("repo", ".ocilint.json"), "{}");

        ConfigLoader.Find(deep).ShouldBe(temp.Combine("repo", ".ocilint.json"));
        ConfigLoader.Find(temp.Path).ShouldBe(temp.Combine(".ocilint.json"));
    }

    public static TheoryData<string, int, int, string> InvalidConfigs() => new()
    {
        { "{\n  \"rules\": {\n    \"OCI902\": \"warn\"\n  }\n}", 3, 15, "\"rules.OCI902\" must be one of off, note, warning, error; found \"warn\" (did you mean \"warning\"?)" },
        { "{\n  \"rule\": {}\n}", 2, 3, "unknown member \"rule\" (did you mean \"rules\"?)" },
        { "{\n  \"ignore\": [\n    { \"rule\": \"OCI902\" }\n  ]\n}", 3, 5, "needs a \"reason\"" },
        { "{\n  \"ignore\": [\n    { \"rule\": \"OCI902\", \"reason\": \"ok\", \"expires\": \"31/12/2026\" }\n  ]\n}", 3, 52, "\"expires\" must be a date written YYYY-MM-DD" },
        { "{\n  \"failOn\": \"warnings\"\n}", 2, 13, "\"failOn\" must be one of error, warning, note, never" },
        { "{\n  \"targets\": \"skopeo\"\n}", 2, 14, "\"targets\" must be an array" },
        { "{\n  \"ignore\": [\n    { \"rule\": \"OCI902\", \"reason\": \"ok\", \"pointr\": \"/x\" }\n  ]\n}", 3, 41, "unknown member \"pointr\" in an \"ignore\" entry (did you mean \"pointer\"?)" },
        { "[]", 1, 1, "must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void Invalid_Config_Is_Exit_2_With_Its_Own_Line_And_Column(string text, int line, int column, string problem)
    {
        using var temp = new TempDir();
        var path = temp.Combine("bad.json");
        File.WriteAllText(path, text);

        var run = Run.Cli("check", Run.SingleTag, "--config", path);

        run.Code.ShouldBe(2, run.ToString());
        run.Stderr.ShouldStartWith($"ocilint: {path}:{line}:{column}: ");
        run.Stderr.ShouldContain(problem);
        run.Stderr.Trim().Split('\n').Length.ShouldBe(1, run.Stderr);
        run.Stdout.ShouldBeEmpty();
        ConfigSchema.Value.Validate(text).ShouldNotBeEmpty("the published schema must reject what the loader rejects");
    }

    [Fact]
    public void Config_That_Is_Not_Json_Names_The_Position()
    {
        using var temp = new TempDir();
        var path = temp.Combine(".ocilint.json");
        File.WriteAllText(path, "{\n  \"failOn\": \"warning\",\n}\n");

        var run = Run.Cli("check", Run.SingleTag, "--config", path);

        run.Code.ShouldBe(2);
        run.Stderr.ShouldStartWith($"ocilint: {path}:3:1: not valid JSON");
    }

    [Fact]
    public void Discovered_Config_Sets_Severities_And_Threshold_And_Flags_Override_It()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.MultiTag, temp.Combine("images", "app"));
        File.WriteAllText(temp.Combine(".ocilint.json"), """{ "rules": { "compat/*": "error" }, "failOn": "error" }""");

        var fromFile = Run.Cli("check", layout, "-q");
        fromFile.Code.ShouldBe(1, fromFile.ToString());
        fromFile.Stdout.ShouldContain("error OCI901 ");
        fromFile.Stdout.ShouldContain("error OCI902 ");

        var disabled = Run.Cli("check", layout, "-q", "--disable", "OCI901");
        disabled.Stdout.ShouldNotContain("OCI901");
        disabled.Stdout.ShouldContain("error OCI902 ");

        Run.Cli("check", layout, "--fail-on", "never").Code.ShouldBe(0);
    }

    [Fact]
    public void Config_Targets_Apply_Unless_The_Flag_Is_Given()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.MultiTag, temp.Combine("image"));
        File.WriteAllText(temp.Combine(".ocilint.json"), """{ "targets": ["skopeo"] }""");

        var fromFile = Run.Cli("check", layout, "-q");
        fromFile.Code.ShouldBe(1, fromFile.ToString());
        fromFile.Stdout.ShouldContain("error OCI901 ");

        var flag = Run.Cli("check", layout, "-q", "--target", "any");
        flag.Code.ShouldBe(0, flag.ToString());
        flag.Stdout.ShouldContain("warning OCI901 ");
    }

    [Fact]
    public void Unknown_Rule_In_Config_Points_At_The_Entry()
    {
        using var temp = new TempDir();
        var layout = Run.CopyLayout(Run.SingleTag, temp.Combine("image"));
        File.WriteAllText(temp.Combine(".ocilint.json"), "{\n  \"rules\": {\n    \"index/duplicate-digets\": \"off\"\n  }\n}");

        var run = Run.Cli("check", layout);

        run.Code.ShouldBe(2);
        run.Stderr.ShouldBe($"ocilint: {temp.Combine(".ocilint.json")}:3:5: \"rules\": \"index/duplicate-digets\" names no rule (see 'ocilint rules')\n");
    }

    [Fact]
    public void Targets_Under_Different_Configs_Are_A_Usage_Error()
    {
        using var temp = new TempDir();
        var a = Run.CopyLayout(Run.SingleTag, temp.Combine("a", "image"));
        var b = Run.CopyLayout(Run.SingleTag, temp.Combine("b", "image"));
        File.WriteAllText(temp.Combine("a", ".ocilint.json"), "{}");

        var run = Run.Cli("check", a, b);

        run.Code.ShouldBe(2);
        run.Stderr.ShouldContain("fall under different config files");
        Run.Cli("check", a, b, "--config", temp.Combine("a", ".ocilint.json")).Code.ShouldBe(0);
    }

    [Fact]
    public void Index_Json_And_Oci_Layout_Paths_Stand_For_Their_Layout_Once()
    {
        // pre-commit passes the changed files, not the layout folder.
        var run = Run.Cli("check", Path.Combine(Run.MultiTag, "index.json"), Path.Combine(Run.MultiTag, "oci-layout"), "-f", "json");

        run.Code.ShouldBe(0, run.ToString());
        run.Stdout.Split("\"target\":").Length.ShouldBe(2, "one target, checked once");
        run.Stdout.ShouldContain("OCI902");
    }
}
