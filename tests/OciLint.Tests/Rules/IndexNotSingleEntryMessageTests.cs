using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

public sealed class IndexNotSingleEntryMessageTests
{
    [Fact]
    public void Ambiguous_Ref_Name_Is_Not_Suggested()
    {
        // "v1" names two different images here; skopeo would silently take the first.
        var fixture = Fixture.Load(Path.Combine(RepoPaths.Fixtures, "rules", "OCI901", "invalid-ambiguous-ref-name"));
        using var temp = new TempDir();
        fixture.MaterializeInto(temp.Path);
        var finding = Lint.Run(temp.Path).Findings.Single(f => f.RuleId == "OCI901");
        finding.Message.ShouldContain("`skopeo copy oci:DIR:@0 …`");
        finding.Message.ShouldNotContain("oci:DIR:v1");
    }

    [Fact]
    public void Unambiguous_Ref_Name_Is_Suggested()
    {
        var finding = Lint.Run(Path.Combine(RepoPaths.Root, "samples", "buildx-multi-tag")).Findings.Single(f => f.RuleId == "OCI901");
        finding.Message.ShouldContain("`skopeo copy oci:DIR:v1 …`");
    }
}
