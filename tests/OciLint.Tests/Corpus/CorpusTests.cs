using System.Text.Json;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Corpus;

/// <summary>
/// The real-tool corpus in ../shared/corpus (layouts made by buildah, skopeo and umoci, some then broken by hand),
/// each as a folder and as a tar: every label of a case's <c>expected_findings</c> must come out as one of the
/// rules it maps to, and nothing else may be an error. Skipped when ../shared is absent.
/// </summary>
public sealed class CorpusTests
{
    // The corpus's labels and the rules that report them.
    private static readonly Dictionary<string, string[]> RulesFor = new(StringComparer.Ordinal)
    {
        ["multiple-entries"] = ["OCI901"],
        ["duplicate-digest"] = ["OCI902"],
        ["missing-ref-name"] = ["OCI716", "OCI905"],
        ["duplicate-ref-name"] = ["OCI715"],
        ["docker-media-types"] = ["OCI801"],
        ["missing-oci-layout"] = ["OCI002"],
        ["index-json-invalid"] = ["OCI101"],
        ["missing-blob"] = ["OCI405"],
        ["blob-digest-mismatch"] = ["OCI406"],
        ["blob-size-mismatch"] = ["OCI407"],
        ["orphan-blob"] = ["OCI411"],
        ["layer-tar-truncated"] = ["OCI413"],
    };

    // Labels a case expects that OciLint deliberately does not report there, and why.
    private static readonly Dictionary<(string Case, string Label), string> NotReported = new()
    {
        [("x10-index-invalid-json", "orphan-blob")] =
            "with index.json unreadable nothing is known to be referenced: OCI411 would call every blob an orphan, so it stays quiet",
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Known)
        {
            data.Add(name, "layout");
            data.Add(name, "layout.tar");
        }

        return data;
    }

    public static TheoryData<string> CaseNames() => [.. Known];

    // Listed rather than discovered so that the test list is the same with or without ../shared.
    private static readonly string[] Known =
    [
        "a01-single-tag", "b01-multitag-same-digest-skopeo", "b02-multitag-same-digest-umoci", "c01-multiplatform-index",
        "e01-no-ref-name", "f01-two-images-distinct-tags", "g01-docker-v2s2-manifest", "x01-corrupt-layer-bytes",
        "x04-wrong-size-in-index", "x06-missing-layer-blob", "x10-index-invalid-json", "x12-missing-oci-layout",
        "x16-dup-refname-different-digests",
    ];

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Each_Expected_Finding_Is_Reported_And_Nothing_Else_Is_An_Error(string name, string form)
    {
        var dir = CaseDir(name);
        var expected = ExpectedLabels(dir);
        var result = Run(Path.Combine(dir, form));

        result.Errors.ShouldBeEmpty();
        var reported = result.Findings.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        foreach (var label in expected)
        {
            RulesFor.ShouldContainKey(label, $"{name}: label \"{label}\" is not mapped to a rule");
            if (NotReported.ContainsKey((name, label)))
            {
                reported.ShouldNotContain(RulesFor[label][0], $"{name}: {label} was expected to stay unreported");
                continue;
            }

            RulesFor[label].ShouldContain(id => reported.Contains(id), $"{name} ({form}): \"{label}\" expects {string.Join(" or ", RulesFor[label])}; reported: {string.Join(", ", reported.Order())}");
        }

        var allowed = expected.SelectMany(l => RulesFor.GetValueOrDefault(l, [])).ToHashSet(StringComparer.Ordinal);
        var unexpected = result.Findings.Where(f => f.Severity == Severity.Error && !allowed.Contains(f.RuleId)).Select(f => $"{f.RuleId} {f.Location.File} {f.Location.Pointer}: {f.Message}");
        unexpected.ShouldBeEmpty($"{name} ({form}) has errors its case does not expect");
    }

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Folder_And_Tar_Give_The_Same_Findings(string name)
    {
        var dir = CaseDir(name);
        // OCI907 is about the tar itself (crane reads it as a docker save tarball): only the tar can give it.
        Findings(Run(Path.Combine(dir, "layout.tar")), except: "OCI907").ShouldBe(Findings(Run(Path.Combine(dir, "layout"))));
    }

    [SkippableFact]
    public void Every_Case_Of_The_Corpus_Is_Known_And_Every_Label_Mapped()
    {
        var corpus = Corpus();
        var cases = Directory.GetDirectories(corpus).Where(d => File.Exists(Path.Combine(d, "case.json"))).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();
        cases.ShouldBe(Known.Order(StringComparer.Ordinal).ToList());
        var labels = cases.SelectMany(c => ExpectedLabels(Path.Combine(corpus, c))).Distinct().ToList();
        labels.ShouldAllBe(l => RulesFor.ContainsKey(l));
    }

    private static LintResult Run(string target) =>
        Lint.Run(target, new RuleConfiguration().Set("OCI411", null), new LintSettings { Deep = true });

    // Rule, file and pointer: where a finding is, not how it is worded.
    private static List<string> Findings(LintResult result, string? except = null) =>
        [.. result.Findings.Where(f => f.RuleId != except).Select(f => $"{f.RuleId} {f.Location.File} {f.Location.Pointer}").Order(StringComparer.Ordinal)];

    private static List<string> ExpectedLabels(string caseDir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(caseDir, "case.json")));
        return [.. doc.RootElement.GetProperty("expected_findings").EnumerateArray().Select(e => e.GetString()!)];
    }

    private static string Corpus()
    {
        var shared = RepoPaths.Shared;
        Skip.If(shared is null || !Directory.Exists(Path.Combine(shared, "corpus")), "../shared/corpus is absent");
        return Path.Combine(shared!, "corpus");
    }

    private static string CaseDir(string name)
    {
        var dir = Path.Combine(Corpus(), name);
        Skip.IfNot(Directory.Exists(dir), $"{name} is not in this corpus");
        return dir;
    }
}
