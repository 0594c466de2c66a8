using System.Text;
using OciLint.Cli.Commands;
using OciLint.Rules;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;
using Xunit.Sdk;

namespace OciLint.Tests.Config;

/// <summary>
/// README.md's rule table is `ocilint rules --format markdown` (the metadata SARIF rules[] is built from), pasted
/// between &lt;!-- rules:start --&gt; and &lt;!-- rules:end --&gt;. It goes stale whenever a rule is added or renamed;
/// OCILINT_ACCEPT=1 rewrites it.
/// </summary>
public sealed class ReadmeRuleTableTests
{
    private const string Start = "<!-- rules:start -->";
    private const string End = "<!-- rules:end -->";

    [Fact]
    public void Readme_Rule_Table_Matches_The_Rules()
    {
        var path = Path.Combine(RepoPaths.Root, "README.md");
        var readme = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        (start >= 0 && end > start).ShouldBeTrue($"README.md needs the markers {Start} and {End} around the rule table");

        var expected = "\n" + RuleTable.Markdown(BuiltInRules.Rules.Select(r => r.Metadata)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var actual = readme[(start + Start.Length)..end];
        if (actual == expected)
        {
            return;
        }

        if (Golden.Accepting)
        {
            File.WriteAllText(path, readme[..(start + Start.Length)] + expected + readme[end..], new UTF8Encoding(false));
            return;
        }

        var want = expected.Split('\n');
        var got = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Max(want.Length, got.Length)).First(i => i >= want.Length || i >= got.Length || want[i] != got[i]);
        throw new XunitException(
            "README.md's rule table is stale (a rule was added, renamed or changed).\n" +
            $"  first difference, table line {line + 1}:\n" +
            $"  expected: {(line < want.Length ? want[line] : "<end>")}\n" +
            $"  README:   {(line < got.Length ? got[line] : "<end>")}\n" +
            "Regenerate it: OCILINT_ACCEPT=1 dotnet test tests/OciLint.Tests --filter FullyQualifiedName~ReadmeRuleTable\n" +
            "(or paste the output of `dotnet run --project src/OciLint.Cli -- rules --format markdown` between the markers).");
    }
}
