using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>A blob that cannot be read is one defect: OCI018 says so once, OCI406 does not repeat it.</summary>
public sealed class UnreadableBlobTests
{
    [Fact]
    public void A_Denied_Manifest_Blob_Is_Reported_Once_By_OCI018()
    {
        var fixture = Fixture.Load(Path.Combine(RepoPaths.Fixtures, "rules", "OCI018", "invalid-manifest-blob-denied"));
        using var temp = new TempDir();
        fixture.MaterializeInto(temp.Path);
        var denied = fixture.Spec.Unreadable.Single();

        var findings = Lint.Run(temp.Path, unreadable: fixture.Spec.Unreadable).Findings.Where(f => f.Location.File == denied).ToList();

        findings.Select(f => f.RuleId).ShouldBe(["OCI018"]);
    }
}
