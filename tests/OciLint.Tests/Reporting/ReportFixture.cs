using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Core.Layout;
using OciLint.Core.Rules;
using OciLint.Reporting;
using static OciLint.Core.Findings.Severity;

namespace OciLint.Tests.Reporting;

/// <summary>
/// The one set of findings every writer is tested with (STYLE habit 7): a folder target and a tar target, built in
/// code with positions that match real files (the folder's index.json is samples/buildx-multi-tag/index.json; the
/// tar's is the pretty-printed three-entry index in <see cref="TarIndexJson"/>). Time and paths are fixed.
/// </summary>
public static class ReportFixture
{
    public const string Folder = "samples/buildx-multi-tag";
    public const string Tar = "build/out.tar";
    public const string WorkingDirectory = "/home/ci/project";
    public const string ManifestDigest = "sha256:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e";
    public const string OtherManifestDigest = "sha256:9a7fbd1e7a957b793cc1b2e00ce5354fe00a679bcadc91bd2ed85e1809591f2b";
    public const string LayerDigest = "sha256:9e94b14022a994edbd79b80ca1e92f872235519062eb50042860781164c366da";

    /// <summary>Layout data quoted in a message: markup, quotes, the GitHub escape set, a line break, non-ASCII and an ANSI escape.</summary>
    public const string TrickyTitle = "<&>\"'%,:\nGrüße 🐳\u001b[31m";

    public static readonly ToolInfo Tool = new("OciLint", "0.0.0-test", new Uri("https://github.com/ocilint/ocilint"));

    public static readonly RuleMetadata OciLayoutMissing = new("OCI002", "layout/oci-layout-missing", "oci-layout file missing", Error, FixAvailability.Always)
    {
        Description = "An OCI layout MUST contain an oci-layout file; without it skopeo and umoci refuse the folder.",
    };

    public static readonly RuleMetadata InvalidJson = new("OCI101", "json/invalid", "Not parseable JSON", Error, FixAvailability.None)
    {
        Description = "oci-layout, index.json and every JSON blob must parse as JSON.",
    };

    public static readonly RuleMetadata DigestMismatch = new("OCI406", "blob/digest-mismatch", "Blob content does not match its digest", Error, FixAvailability.None)
    {
        Description = "The content of blobs/<alg>/<encoded> MUST match the digest <alg>:<encoded>.",
    };

    public static readonly RuleMetadata MissingRefName = new("OCI716", "annotation/missing-ref-name", "Entry without a ref name in a multi-entry index.json", Note, FixAvailability.None)
    {
        Description = "An untagged entry in a multi-entry index can only be addressed by digest or position.",
        Precision = "medium",
    };

    public static readonly RuleMetadata NotSingleEntry = new("OCI901", "compat/index-not-single-entry", "index.json does not hold exactly one entry", Warning, FixAvailability.None)
    {
        Description = "Single-image consumers (skopeo copy oci:DIR, crane push DIR) cannot choose between several entries.",
    };

    public static readonly RuleMetadata DuplicateDigest = new("OCI902", "compat/index-duplicate-digest", "Several index.json entries for the same digest", Warning, FixAvailability.Always)
    {
        Description = "Entries with the same digest, size and media type that differ only in annotations look like several images to single-image consumers.",
    };

    public static readonly RuleMetadata ExactDuplicate = new("OCI903", "compat/index-exact-duplicate", "Exact duplicate descriptors in an index", Warning, FixAvailability.Sometimes)
    {
        Description = "Byte-identical descriptors add nothing and confuse single-image consumers.",
    };

    /// <summary>Known to the catalog but not run: must not appear in SARIF rules.</summary>
    public static readonly RuleMetadata OnlyEntryNoRefName = new("OCI905", "annotation/only-entry-without-ref-name", "Only entry has no ref name", Note, FixAvailability.Sometimes);

    public static readonly IReadOnlyList<RuleMetadata> AllRules =
        [OciLayoutMissing, InvalidJson, DigestMismatch, MissingRefName, NotSingleEntry, DuplicateDigest, ExactDuplicate, OnlyEntryNoRefName];

    public static string TarIndexJson { get; } =
        "{\n  \"schemaVersion\": 2,\n  \"manifests\": [\n" +
        Entry(ManifestDigest, 345) + ",\n" + Entry(ManifestDigest, 345) + ",\n" + Entry(OtherManifestDigest, 527) + "\n  ]\n}\n";

    public static ReportOptions Options { get; } = new()
    {
        FailOn = Warning,
        SarifCategory = "ocilint",
        WorkingDirectory = WorkingDirectory,
        AllRules = AllRules,
        HelpMarkdown = rule => rule.Id == "OCI902" ? "## Several index.json entries for the same digest\n\nRun `ocilint fix --unsafe` to keep the first entry." : null,
    };

    /// <summary>The folder target: the Buildx multi-tag shape.</summary>
    public static LintResult FolderResult(int lineShift = 0)
    {
        var duplicateFix = new Fix(
            "keep entry 0 (v1) and remove 1 other entry for sha256:4ddfcb6b5cb5",
            FixSafety.Unsafe,
            [new TextReplacement("index.json", 241, 214, "", 1 + lineShift, 242, 1 + lineShift, 456)])
        {
            Description = "drops ref name(s) \"latest\"",
        };
        Finding[] findings =
        [
            new(NotSingleEntry.Id, Warning, "index.json holds 2 entries: skopeo copy oci:DIR fails with \"more than one image in oci, choose an image\"", new Location("index.json", "/manifests", 1 + lineShift, 32, 1 + lineShift, 457)),
            new(DuplicateDigest.Id, Warning, $"entries 0 and 1 both point at {ManifestDigest} (same size and media type) with ref names \"v1\", \"latest\": single-image consumers see 2 images where there is one", new Location("index.json", "/manifests/1", 1 + lineShift, 243, 1 + lineShift, 456))
            {
                Fix = duplicateFix,
                Related = [new Location("index.json", "/manifests/0", 1 + lineShift, 33, 1 + lineShift, 242)],
            },
        ];
        RuleRun[] rules = [Run(OciLayoutMissing), Run(InvalidJson), Run(DigestMismatch), Run(MissingRefName), Run(NotSingleEntry), Run(DuplicateDigest), Run(ExactDuplicate)];
        return new LintResult(Folder, SourceKind.Directory, findings, rules, [], TimeSpan.Zero);
    }

    /// <summary>The tar target: no oci-layout, a corrupt layer, an exact duplicate, an untagged entry, an accepted OCI901.</summary>
    public static LintResult TarResult(bool withToolError = false)
    {
        var index0 = new Location("index.json", "/manifests/0", 4, 5, 8, 6);
        Finding[] findings =
        [
            new(OciLayoutMissing.Id, Error, "oci-layout is missing: skopeo and umoci refuse the layout", Location.ForFile("oci-layout"))
            {
                Fix = new Fix("write oci-layout with imageLayoutVersion 1.0.0", FixSafety.Safe, [new CreateFile("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")]),
            },
            new(NotSingleEntry.Id, Warning, "index.json holds 3 entries", new Location("index.json", "/manifests", 3, 16, 19, 4))
            {
                SuppressedBy = "ignore entry in .ocilint.json: we push with --index",
            },
            new(ExactDuplicate.Id, Warning, "entry 1 is an exact copy of entry 0", new Location("index.json", "/manifests/1", 9, 5, 13, 6))
            {
                Fix = new Fix("remove entry 1, an exact copy of entry 0", FixSafety.Safe, [new TextReplacement("index.json", 226, 187, "", 8, 6, 13, 6)]),
                Related = [index0],
            },
            new(MissingRefName.Id, Note, $"entry 2 has no org.opencontainers.image.ref.name; its title is \"{TrickyTitle}\"", new Location("index.json", "/manifests/2", 14, 5, 18, 6)),
            new(DigestMismatch.Id, Error, $"content hashes to sha256:0000000000000000000000000000000000000000000000000000000000000000, not {LayerDigest}", Location.ForFile("blobs/sha256/" + LayerDigest[7..]))
            {
                Digest = LayerDigest,
                Related = [index0, new Location("blobs/sha256/" + ManifestDigest[7..], "/layers/0", 1, 201, 1, 344)],
            },
        ];
        RuleRun[] rules = [Run(OciLayoutMissing), Run(InvalidJson), Run(DigestMismatch), Run(MissingRefName), Run(NotSingleEntry), Run(DuplicateDigest), Run(ExactDuplicate)];
        ToolError[] errors = withToolError
            ? [new ToolError(DuplicateDigest.Id, "rule OCI902 failed: Index was outside the bounds of the array.", "System.IndexOutOfRangeException: Index was outside the bounds of the array.\n   at OciLint.Rules.Index.IndexDuplicateDigest.CheckDocument()")]
            : [];
        return new LintResult(Tar, SourceKind.Tar, findings, rules, errors, TimeSpan.Zero);
    }

    public static ReportContext Context(bool withToolError = false) =>
        new([FolderResult(), TarResult(withToolError)], Tool, Options);

    /// <summary>One clean folder target: every rule ran, nothing found.</summary>
    public static ReportContext Clean() =>
        new([new LintResult("samples/single-tag", SourceKind.Directory, [], [Run(OciLayoutMissing), Run(NotSingleEntry)], [], TimeSpan.Zero)], Tool, Options);

    public static string Render(IReportWriter writer, ReportContext context)
    {
        using var output = new StringWriter { NewLine = "\n" };
        writer.Write(context, output);
        return output.ToString();
    }

    private static RuleRun Run(RuleMetadata rule) => new(rule, rule.DefaultSeverity);

    private static string Entry(string digest, int size) =>
        $"    {{\n      \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n      \"digest\": \"{digest}\",\n      \"size\": {size}\n    }}";
}
