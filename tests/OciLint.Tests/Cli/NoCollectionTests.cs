using System.Runtime;
using OciLint.Cli;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Cli;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GarbageCollectionSettings
{
    public const string Name = "process-wide garbage collection settings";
}

/// <summary>The check holds off collections; the process must be back to normal afterwards, and nesting must not end an outer region.</summary>
[Collection(GarbageCollectionSettings.Name)]
public sealed class NoCollectionTests
{
    [Fact]
    public void Holds_off_collections_until_disposed()
    {
        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
        var before = GC.CollectionCount(0);
        using (NoCollection.Begin())
        {
            GCSettings.LatencyMode.ShouldBe(GCLatencyMode.NoGCRegion);
            var started = GC.CollectionCount(0);
            for (var i = 0; i < 1000; i++)
            {
                GC.KeepAlive(new byte[64 * 1024]);
            }

            GC.CollectionCount(0).ShouldBe(started);
        }

        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
        GC.CollectionCount(0).ShouldBeGreaterThanOrEqualTo(before);
    }

    [Fact]
    public void A_nested_scope_leaves_the_outer_region_alone()
    {
        using (NoCollection.Begin())
        {
            using (NoCollection.Begin())
            {
            }

            GCSettings.LatencyMode.ShouldBe(GCLatencyMode.NoGCRegion);
        }

        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
    }

    [Fact]
    public void Only_a_big_layout_pays_for_the_region()
    {
        using var temp = new OciLint.Tests.Support.TempDir();
        File.WriteAllText(temp.Combine("index.json"), "{}");
        using (NoCollection.Begin([temp.Path, temp.Combine("missing"), "\0"]))
        {
            GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
        }

        File.WriteAllText(temp.Combine("index.json"), new string(' ', 1 << 20));
        using (NoCollection.Begin([temp.Path]))
        {
            GCSettings.LatencyMode.ShouldBe(GCLatencyMode.NoGCRegion);
        }
    }

    [Fact]
    public void A_collection_past_the_budget_ends_the_region_quietly()
    {
        using (NoCollection.Begin())
        {
            GC.Collect();
            GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
        }

        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
    }
}
