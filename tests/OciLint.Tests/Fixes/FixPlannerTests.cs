using System.Text;
using OciLint.Core.Fixes;
using OciLint.Core.Layout;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;
using static OciLint.Tests.Support.FixLayouts;

namespace OciLint.Tests.Fixes;

/// <summary>The fix loop with real rules: what it changes, what it keeps, how it settles.</summary>
public sealed class FixPlannerTests
{
    [Fact]
    public void Exact_Duplicate_Is_Removed_Keeping_Order_And_Unknown_Members()
    {
        using var temp = new TempDir();
        var entry = Entry("v1").Replace("\"size\":345", "\"size\":345,\"x-vendor\":{\"z\":1,\"a\":2}", StringComparison.Ordinal);
        var layout = Create(temp.Path, "{\"x-first\":true,\"schemaVersion\":2,\"manifests\":[" + entry + "," + entry + "],\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}");

        var plan = FixSupport.Plan(layout, ["OCI903"], allowUnsafe: false);

        plan.Applied.Select(a => a.Finding.RuleId).ShouldBe(["OCI903"]);
        Encoding.UTF8.GetString(plan.Changes.Single().After)
            .ShouldBe("{\"x-first\":true,\"schemaVersion\":2,\"manifests\":[" + entry + "],\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}");
    }

    [Fact]
    public void A_Run_Of_Copies_Goes_In_One_Pass()
    {
        // Removing ", e1", ", e2" and ", e3" of "[e0, e1, e2, e3]": the ranges abut and are taken together.
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1"), Entry("v1"), Entry("v1"), Entry("v1")));

        var plan = FixSupport.Plan(layout, ["OCI903"]);

        plan.Applied.Select(a => a.Pass).ShouldBe([1, 1, 1]);
        Encoding.UTF8.GetString(plan.Changes.Single().After).ShouldBe(Index(Entry("v1")));
    }

    [Fact]
    public void Fixes_That_Collide_Are_Applied_Over_Several_Passes()
    {
        // Both fixes append a member after "mediaType", the last member: two insertions at one offset, so
        // OCI205's waits for the second pass and is then made against the text the first pass left.
        using var temp = new TempDir();
        var layout = Create(temp.Path, "{\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}");

        var plan = FixSupport.Plan(layout, ["OCI202", "OCI205"]);

        plan.Applied.Select(a => (a.Finding.RuleId, a.Pass)).ShouldBe([("OCI202", 1), ("OCI205", 2)]);
        plan.Passes.ShouldBe(2);
        plan.Converged.ShouldBeTrue();
        Encoding.UTF8.GetString(plan.Changes.Single().After).ShouldBe("{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[],\"schemaVersion\":2}");
    }

    [Fact]
    public void Passes_Are_Bounded()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, "{\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}");
        using var source = LayoutSources.Open(layout);

        var plan = FixPlanner.Plan(FixSupport.LinterFor("OCI202", "OCI205"), source, new(), new FixPolicy { MaxPasses = 1 });

        plan.Passes.ShouldBe(1);
        plan.Converged.ShouldBeFalse();
        plan.Remaining.Findings.ShouldContain(f => f.RuleId == "OCI205");
    }

    [Fact]
    public void Buildx_Shape_Is_Collapsed_Only_With_Unsafe_Keeping_The_First()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1"), Entry("latest")));

        FixSupport.Plan(layout, ["OCI902"], allowUnsafe: false).HasChanges.ShouldBeFalse();
        var plan = FixSupport.Plan(layout, ["OCI902"]);

        Encoding.UTF8.GetString(plan.Changes.Single().After).ShouldBe(Index(Entry("v1")));
        plan.Applied.Single().Fix.Description.ShouldBe("drops ref name(s) \"latest\"");
    }

    [Fact]
    public void Many_Tags_Collapse_Around_Other_Entries_And_Messages_Stay_Short()
    {
        // Twelve tags of one image with another entry (a different size: another group) after the third and at the
        // end: the removed entries form two runs, and the lists in the messages stop after ten names.
        using var temp = new TempDir();
        var other = Entry("other").Replace("\"size\":345", "\"size\":346", StringComparison.Ordinal);
        var tags = Enumerable.Range(0, 12).Select(i => Entry($"t{i:00}")).ToList();
        var layout = Create(temp.Path, Index([.. tags.Take(3), other, .. tags.Skip(3), other]));

        var finding = Lint.Run(layout).Findings.Single(f => f.RuleId == "OCI902");
        finding.Message.ShouldStartWith("entries 0, 1, 2, 4, 5, 6, 7, 8, 9, 10 and 2 more all point at");
        finding.Message.ShouldContain("with ref names \"t00\", \"t01\", \"t02\", \"t03\", \"t04\", \"t05\", \"t06\", \"t07\", \"t08\", \"t09\" and 2 more: single-image consumers see 12 images");

        var plan = FixSupport.Plan(layout, ["OCI902"]);
        Encoding.UTF8.GetString(plan.Changes.Single().After).ShouldBe(Index(tags[0], other, other));
        plan.Applied.Single().Fix.Description.ShouldBe("drops ref name(s) \"t01\", \"t02\", \"t03\", \"t04\", \"t05\", \"t06\", \"t07\", \"t08\", \"t09\", \"t10\" and 1 more");
    }

    [Theory]
    [InlineData("latest", 1)]
    [InlineData("v2", 2)]
    [InlineData("nope", 0)]
    public void KeepRef_Chooses_The_Survivor(string keep, int survivor)
    {
        using var temp = new TempDir();
        string[] names = ["v1", "latest", "v2"];
        var layout = Create(temp.Path, Index([.. names.Select(n => Entry(n))]));

        var plan = FixSupport.Plan(layout, ["OCI902"], new Dictionary<string, string> { ["keep-ref"] = keep });

        Encoding.UTF8.GetString(plan.Changes.Single().After).ShouldBe(Index(Entry(names[survivor])));
        plan.Applied.Single().Fix.Description.ShouldBe("drops ref name(s) " + string.Join(", ", names.Where((_, i) => i != survivor).Select(n => $"\"{n}\"")));
    }

    [Fact]
    public void RefName_Suggestion_Needs_Its_Value()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry(null)));

        var without = FixSupport.Plan(layout, ["OCI905"]);
        var with = FixSupport.Plan(layout, ["OCI905"], new Dictionary<string, string> { ["ref-name"] = "v2" });

        without.HasChanges.ShouldBeFalse("a suggestion is never applied without its value, even with --unsafe");
        without.Remaining.Findings.Single(f => f.RuleId == "OCI905").Fix!.Title.ShouldBe("add a ref name, e.g. \"latest\"");
        Encoding.UTF8.GetString(with.Changes.Single().After).ShouldBe(Index(Entry(null)[..^1] + ",\"annotations\":{\"org.opencontainers.image.ref.name\": \"v2\"}}"));
    }

    [Fact]
    public void Missing_OciLayout_Is_Created_And_A_Second_Plan_Changes_Nothing()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1")));
        File.Delete(Path.Combine(layout, "oci-layout"));

        var plan = FixSupport.Plan(layout, ["OCI002"]);
        plan.Changes.Single().Before.ShouldBeNull();
        LayoutFixWriter.WriteFolder(layout, plan);

        File.ReadAllText(Path.Combine(layout, "oci-layout")).ShouldBe("{\"imageLayoutVersion\":\"1.0.0\"}");
        FixSupport.Plan(layout, ["OCI002"]).HasChanges.ShouldBeFalse();
    }

    [Fact]
    public void Plan_Writes_Nothing()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1"), Entry("v1")));
        var before = FixSupport.Snapshot(layout);

        FixSupport.Plan(layout, ["OCI903"]).HasChanges.ShouldBeTrue();

        FixSupport.Snapshot(layout).ShouldBe(before);
    }
}
