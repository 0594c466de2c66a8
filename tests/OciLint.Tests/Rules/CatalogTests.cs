using System.Text.RegularExpressions;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Rules;
using OciLint.Rules;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>Stands in for a hand-kept registry: every rule must bring its doc page and fixtures, and ids are unique.</summary>
public sealed partial class CatalogTests
{
    private static readonly string[] RequiredSections = ["What it checks", "Why it matters", "Example", "Fix", "Fix safety", "References"];

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in BuiltInRules.Rules)
        {
            data.Add(rule.Metadata.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_Has_Doc_Page_With_Every_Section(string id)
    {
        var path = Path.Combine(RepoPaths.RuleDocs, id + ".md");
        File.Exists(path).ShouldBeTrue($"rules/{id}.md is missing");
        var text = File.ReadAllText(path);
        text.ShouldStartWith($"# {id} ");
        foreach (var section in RequiredSections)
        {
            text.ShouldContain($"\n## {section}\n", customMessage: $"rules/{id}.md lacks '## {section}'");
        }

        RuleDocs.Get(id).ShouldBe(text, "the doc page must be embedded in the rules assembly");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_Has_Valid_And_Invalid_Fixtures(string id)
    {
        var folder = Path.Combine(RepoPaths.Fixtures, "rules", id);
        Directory.Exists(folder).ShouldBeTrue($"tests/fixtures/rules/{id}/ is missing");
        var names = Directory.GetDirectories(folder).Select(Path.GetFileName).ToList();
        names.ShouldContain(n => n!.StartsWith("valid", StringComparison.Ordinal), $"{id} has no valid-* fixture");
        names.ShouldContain(n => n!.StartsWith("invalid", StringComparison.Ordinal), $"{id} has no invalid-* fixture");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_Metadata_Is_Well_Formed(string id)
    {
        var rule = RuleCatalog.Find(BuiltInRules.Rules, id)!.Metadata;
        IdPattern().IsMatch(rule.Id).ShouldBeTrue();
        NamePattern().IsMatch(rule.Name).ShouldBeTrue($"{rule.Name} is not family/kebab-case");
        rule.Title.ShouldNotBeNullOrWhiteSpace();
        rule.Description.ShouldNotBeNullOrWhiteSpace();
        rule.Description.ShouldNotBe(rule.Title, "SARIF consumers need a fullDescription that says more than the title");
        rule.HelpUri.ToString().ShouldEndWith($"/rules/{id}.md");
    }

    [Fact]
    public void Every_Fixture_Folder_Belongs_To_A_Rule()
    {
        var ids = BuiltInRules.Rules.Select(r => r.Metadata.Id).ToHashSet();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepoPaths.Fixtures, "rules")))
        {
            ids.ShouldContain(Path.GetFileName(dir), $"fixtures for unknown rule {Path.GetFileName(dir)}");
        }
    }

    [Fact]
    public void Every_Doc_Page_Belongs_To_A_Rule()
    {
        var ids = BuiltInRules.Rules.Select(r => r.Metadata.Id).ToHashSet();
        foreach (var file in Directory.GetFiles(RepoPaths.RuleDocs, "OCI*.md"))
        {
            ids.ShouldContain(Path.GetFileNameWithoutExtension(file));
        }
    }

    [Fact]
    public void Every_Rule_Named_In_A_Schema_Exists()
    {
        var ids = BuiltInRules.Rules.Select(r => r.Metadata.Id).ToHashSet();
        foreach (var file in Directory.GetFiles(RepoPaths.Schemas, "*.schema.json"))
        {
            foreach (Match match in SchemaRuleId().Matches(File.ReadAllText(file)))
            {
                ids.ShouldContain(match.Groups[1].Value, $"{Path.GetFileName(file)} maps failures to {match.Groups[1].Value}, which is no rule");
            }
        }
    }

    [Fact]
    public void Duplicate_Ids_Are_Rejected()
    {
        var rule = BuiltInRules.Rules[0];
        Should.Throw<InvalidOperationException>(() => RuleCatalog.Combine([rule, rule])).Message.ShouldContain("duplicate rule id");
    }

    [Fact]
    public void Discovery_Finds_Rules_Without_A_List()
    {
        BuiltInRules.Rules.Count.ShouldBeGreaterThan(40);
        BuiltInRules.Rules.Select(r => r.Metadata.Id).ShouldBe(BuiltInRules.Rules.Select(r => r.Metadata.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rules_Off_By_Default_Can_Be_Enabled()
    {
        var configuration = new RuleConfiguration().Set("*", null);
        BuiltInRules.Rules.ShouldAllBe(r => configuration.Resolve(r.Metadata) != Severity.Off);
    }

    /// <summary>
    /// Runs only beside ../shared: every rule of sections 2.1-2.5 of the research catalog (OCI0xx-OCI4xx) exists,
    /// and every catalog rule that exists has the catalog's default severity.
    /// </summary>
    [SkippableFact]
    public void Every_Catalog_Rule_Exists_With_Its_Default_Severity()
    {
        var shared = RepoPaths.Shared;
        Skip.If(shared is null || !File.Exists(Path.Combine(shared, "rules-catalog.md")), "../shared/rules-catalog.md is absent");

        var catalog = CatalogRows(File.ReadAllLines(Path.Combine(shared!, "rules-catalog.md")));
        catalog.Keys.Where(id => id[3] <= '4').Count().ShouldBeGreaterThan(60, "sections 2.1-2.5 of rules-catalog.md were not parsed");
        var problems = new List<string>();
        foreach (var (id, severity) in catalog)
        {
            if (RuleCatalog.Find(BuiltInRules.Rules, id) is not { } rule)
            {
                if (id[3] <= '4')
                {
                    problems.Add($"{id} is in sections 2.1-2.5 of rules-catalog.md but is no built-in rule");
                }
            }
            else if (rule.Metadata.DefaultSeverity != severity)
            {
                problems.Add($"{id} defaults to {rule.Metadata.DefaultSeverity.ToName()}, rules-catalog.md says {severity.ToName()}");
            }
        }

        problems.ShouldBeEmpty();
    }

    /// <summary>The id and default severity of each table row of section 2; the severity cell's first word ("error (warning if …)" is error).</summary>
    private static Dictionary<string, Severity> CatalogRows(IEnumerable<string> lines)
    {
        var rows = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var cells = line.Split('|');
            if (cells.Length < 6 || !IdPattern().IsMatch(cells[1].Trim()))
            {
                continue;
            }

            // A reserved id (OCI804) has no severity and no rule.
            var word = SeverityWord().Match(cells[4]).Value;
            if (word.Length == 0)
            {
                continue;
            }

            SeverityNames.TryParse(word, out var severity).ShouldBeTrue($"{cells[1].Trim()}: severity \"{cells[4].Trim()}\" is none of error, warning, note, off");
            rows.Add(cells[1].Trim(), severity);
        }

        return rows;
    }

    [GeneratedRegex("^OCI[0-9]{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("\"(OCI[0-9]{3})\"")]
    private static partial Regex SchemaRuleId();

    [GeneratedRegex("[a-z]+")]
    private static partial Regex SeverityWord();
}
