using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>Every fixture of every rule: the findings it expects (rule id + JSON Pointer, never wording), and the same findings from its tar.</summary>
public sealed class RuleFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in Fixture.All())
        {
            data.Add(Path.GetRelativePath(RepoPaths.Fixtures, fixture.Folder).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_Gives_Expected_Findings(string relative)
    {
        var fixture = Fixture.Load(Path.Combine(RepoPaths.Fixtures, relative));
        using var temp = new TempDir();
        var layout = temp.Combine("layout");
        if (fixture.Spec.Input is { } input)
        {
            layout = Path.Combine(fixture.Folder, input);
        }
        else
        {
            fixture.MaterializeInto(layout);
        }

        var result = Run(fixture, layout);
        var ids = fixture.Spec.Expect.Select(e => e.Rule).Append(fixture.RuleId).ToHashSet(StringComparer.Ordinal);
        var actual = result.Findings.Where(f => ids.Contains(f.RuleId)).Select(f => Key(f.RuleId, f.Location.Pointer, f.Location.File)).Order(StringComparer.Ordinal).ToList();
        var expected = fixture.Spec.Expect.Select(e => Key(e.Rule, e.Pointer, e.File)).Order(StringComparer.Ordinal).ToList();
        if (fixture.IsValid)
        {
            expected.ShouldBeEmpty($"{fixture}: a valid fixture expects nothing");
        }
        else
        {
            expected.ShouldNotBeEmpty($"{fixture}: an invalid fixture must expect at least one finding");
        }

        // Compare without the file where the fixture does not say it.
        var comparable = actual.Select((a, i) => a).ToList();
        for (var i = 0; i < comparable.Count; i++)
        {
            if (!expected.Contains(comparable[i]) && expected.Contains(StripFile(comparable[i])))
            {
                comparable[i] = StripFile(comparable[i]);
            }
        }

        comparable.Order(StringComparer.Ordinal).ToList().ShouldBe(expected, $"{fixture}: findings were\n{Describe(result.Findings)}");
        result.Errors.ShouldBeEmpty();

        if (fixture.Spec.Tar && fixture.Spec.Input is null)
        {
            var tar = temp.Combine("layout.tar");
            Fixture.WriteTar(layout, tar);
            var fromTar = Run(fixture, tar);
            Describe(fromTar.Findings.Where(f => !ArchiveOnly(f.RuleId)))
                .ShouldBe(Describe(result.Findings.Where(f => !ArchiveOnly(f.RuleId))), $"{fixture}: folder and tar must give the same findings");
        }
    }

    public static TheoryData<string> FixedFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in Fixture.All().Where(f => f.HasFixed))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Fixtures, fixture.Folder).Replace('\\', '/'));
        }

        return data;
    }

    /// <summary>DESIGN.md §8: a fixable rule brings a fixed/ expectation (and so an idempotence check).</summary>
    [Fact]
    public void Every_Fixable_Rule_Has_A_Fixed_Expectation()
    {
        var withFixed = Fixture.All().Where(f => f.HasFixed).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var missing = OciLint.Rules.BuiltInRules.Rules.Select(r => r.Metadata)
            .Where(m => m.Fix != OciLint.Core.Fixes.FixAvailability.None && !withFixed.Contains(m.Id))
            .Select(m => m.Id)
            .ToList();

        missing.ShouldBeEmpty("these fixable rules have no fixture with a fixed/ folder");
    }

    /// <summary>fixed/ holds index.json/oci-layout after the rule's own fixes; a second run changes nothing, and no blob is touched.</summary>
    [Theory]
    [MemberData(nameof(FixedFixtures))]
    public void Fixture_Fixes_To_Fixed_And_Then_Stays(string relative)
    {
        var fixture = Fixture.Load(Path.Combine(RepoPaths.Fixtures, relative));
        using var temp = new TempDir();
        var layout = temp.Combine("layout");
        fixture.MaterializeInto(layout);
        var blobs = FixSupport.HashBlobs(layout);

        FixSupport.FixFolder(layout, fixture.RuleId, fixture.Spec.FixInputs).HasChanges.ShouldBeTrue($"{fixture}: the fix changed nothing");
        foreach (var expected in Directory.GetFiles(fixture.FixedFolder))
        {
            var name = Path.GetFileName(expected);
            File.ReadAllText(Path.Combine(layout, name)).ShouldBe(File.ReadAllText(expected), $"{fixture}: {name} after the fix");
        }

        FixSupport.HashBlobs(layout).ShouldBe(blobs, $"{fixture}: a fix never touches a blob");
        Lint.Run(layout, new RuleConfiguration().Set(fixture.RuleId, null)).Findings.ShouldNotContain(f => f.RuleId == fixture.RuleId, $"{fixture}: the finding must be gone");
        FixSupport.FixFolder(layout, fixture.RuleId, fixture.Spec.FixInputs).HasChanges.ShouldBeFalse($"{fixture}: a second fix must change nothing");
    }

    private static LintResult Run(Fixture fixture, string target)
    {
        var configuration = new RuleConfiguration().Set(fixture.RuleId, null);
        var settings = new LintSettings { Deep = fixture.Spec.Deep };
        if (fixture.Spec.Targets.Count > 0)
        {
            settings = settings with { Targets = fixture.Spec.Targets.ToHashSet(StringComparer.OrdinalIgnoreCase) };
        }

        return Lint.Run(target, configuration, settings, fixture.Spec.Unreadable);
    }

    /// <summary>Rules about the archive itself, which a folder can never give: OCI01x (tar shape) and OCI907 (a tar crane reads as docker save's).</summary>
    public static bool ArchiveOnly(string ruleId) => ruleId.StartsWith("OCI01", StringComparison.Ordinal) || ruleId == "OCI907";

    private static string Key(string rule, string? pointer, string? file) => file is null ? $"{rule} {pointer}" : $"{rule} {file}#{pointer}";

    private static string StripFile(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var hash = key.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? key : key[..space] + " " + key[(hash + 1)..];
    }

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"{f.Location.File}:{f.Location.Line}:{f.Location.Column} {f.Severity.ToName()} {f.RuleId} {f.Location.Pointer}: {f.Message}"));
}
