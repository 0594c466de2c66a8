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
            Describe(fromTar.Findings.Where(f => !f.RuleId.StartsWith("OCI01", StringComparison.Ordinal)))
                .ShouldBe(Describe(result.Findings.Where(f => !f.RuleId.StartsWith("OCI01", StringComparison.Ordinal))), $"{fixture}: folder and tar must give the same findings");
        }
    }

    private static LintResult Run(Fixture fixture, string target)
    {
        var configuration = new RuleConfiguration().Set(fixture.RuleId, null);
        var settings = fixture.Spec.Targets.Count > 0 ? new LintSettings { Targets = fixture.Spec.Targets.ToHashSet(StringComparer.OrdinalIgnoreCase) } : null;
        return Lint.Run(target, configuration, settings);
    }

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
