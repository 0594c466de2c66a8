using System.Text;
using OciLint.Core.Engine;
using OciLint.Tests.Core;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Hostile;

/// <summary>Indexes built to exhaust the checker: huge, deep, or pointing back at themselves.</summary>
public sealed class HostileIndexTests
{
    [Fact]
    public void A_100000_Entry_Index_Is_Checked_To_The_End()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);
        var manifest = layout.Manifest(layout.Blob(BlobTestLayout.Random(32, 7)));
        var entry = $"{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{manifest["digest"]}\",\"size\":{manifest["size"]},\"annotations\":{{\"org.opencontainers.image.ref.name\":\"tag-{{0}}\"}}}}";
        var index = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[");
        for (var i = 0; i < 100_000; i++)
        {
            index.Append(i == 0 ? "" : ",").Append(entry.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        File.WriteAllText(temp.Combine("index.json"), index.Append("]}").ToString());

        // A guard against a hang, not a speed test: bench/ measures speed.
        var result = HostileLayout.RunGuarded(temp.Path, settings: new LintSettings(), seconds: 300);

        result.Errors.ShouldBeEmpty();
        result.Findings.Where(f => f.RuleId == "OCI901").ShouldHaveSingleItem().Message.ShouldContain("100000");
        var duplicate = result.Findings.Where(f => f.RuleId == "OCI902").ShouldHaveSingleItem();
        duplicate.Message.ShouldContain("and 99990 more");
        duplicate.Location.Pointer.ShouldBe("/manifests/1");
    }

    // The layer is not JSON and is never parsed: its damage is its size and digest (BrokenFileTests).
    public static TheoryData<string, bool> DeepCases() =>
        HostileLayout.EachWithFalseAndTrue(HostileLayout.Files(HostileLayout.Valid).Where(f => f != HostileLayout.Layer));

    /// <summary>Each JSON file of a layout replaced by one nested 10,000 deep (arrays, or objects) inside a plausible start.</summary>
    [Theory]
    [MemberData(nameof(DeepCases))]
    public void A_10000_Deep_Document_Is_Invalid_JSON_Not_A_Stack_Overflow(string file, bool objects)
    {
        using var temp = new TempDir();
        var layout = HostileLayout.CopyValid(temp);
        const int Depth = 10_000;
        var deep = objects
            ? string.Concat(Enumerable.Repeat("{\"a\":", Depth)) + "1" + new string('}', Depth)
            : new string('[', Depth) + new string(']', Depth);
        File.WriteAllText(Path.Combine(layout, file), $"{{\"schemaVersion\":2,\"manifests\":{deep}}}");

        var result = HostileLayout.RunGuarded(layout);

        result.Errors.ShouldBeEmpty();
        // oci-layout has its own rule for "not JSON", with umoci's words.
        var rule = file == "oci-layout" ? "OCI004" : "OCI101";
        result.Findings.ShouldContain(f => f.RuleId == rule && f.Location.File == file && f.Message.Contains("deeper than", StringComparison.Ordinal), HostileLayout.Describe(result));
    }

    [Fact]
    public void An_Index_That_Lists_Itself_Is_A_Cycle_Not_A_Hang()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);
        // Content addressing makes a true cycle impossible, so the blob is stored under a name its content does not hash to.
        const string Self = "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
        var nested = $"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"digest\":\"{Self}\",\"size\":{{0}}}}]}}";
        var bytes = Encoding.UTF8.GetBytes(Fix(nested));
        File.WriteAllBytes(temp.Combine(BlobTestLayout.PathOf(Self)), bytes);
        layout.Index(BlobTestLayout.Descriptor("application/vnd.oci.image.index.v1+json", Self, bytes.Length));

        var result = HostileLayout.RunGuarded(temp.Path);

        result.Findings.ShouldContain(f => f.RuleId == "OCI219" && f.Location.File == BlobTestLayout.PathOf(Self) && f.Location.Pointer == "/manifests/0");
        result.Findings.ShouldContain(f => f.RuleId == "OCI406");

        // The size names the document's own length, which depends on how many digits it has.
        static string Fix(string template)
        {
            var size = template.Length;
            while (template.Replace("{0}", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Length != size)
            {
                size = template.Replace("{0}", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Length;
            }

            return template.Replace("{0}", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }
}
