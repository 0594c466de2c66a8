using OciLint.Core.Fixes;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Fixes;

/// <summary>The expected texts are what GNU diff -u prints for the same inputs.</summary>
public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_Texts_Give_No_Diff()
    {
        UnifiedDiff.Create("a/x", "b/x", "same\n", "same\n").ShouldBe("");
    }

    [Fact]
    public void Removed_Block_Has_Three_Lines_Of_Context()
    {
        var before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var after = "1\n2\n3\n4\n7\n8\n9\n";

        UnifiedDiff.Create("a/index.json", "b/index.json", before, after).ShouldBe(
            "--- a/index.json\n+++ b/index.json\n@@ -2,8 +2,6 @@\n 2\n 3\n 4\n-5\n-6\n 7\n 8\n 9\n");
    }

    [Fact]
    public void Changed_Line_Lists_Deletion_Before_Insertion_And_Far_Changes_Get_Own_Hunks()
    {
        var before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        var after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n";

        UnifiedDiff.Create("a/f", "b/f", before, after).ShouldBe(
            "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n d\n@@ -7,4 +7,4 @@\n g\n h\n i\n-j\n+J\n");
    }

    [Fact]
    public void Missing_Final_Newline_Is_Marked()
    {
        UnifiedDiff.Create("a/index.json", "b/index.json", "{\"a\":1}", "{\"a\":2}").ShouldBe(
            "--- a/index.json\n+++ b/index.json\n@@ -1 +1 @@\n-{\"a\":1}\n\\ No newline at end of file\n+{\"a\":2}\n\\ No newline at end of file\n");
    }

    [Fact]
    public void New_File_Comes_From_Dev_Null()
    {
        UnifiedDiff.Create("a/oci-layout", "b/oci-layout", null, "{}\n").ShouldBe("--- /dev/null\n+++ b/oci-layout\n@@ -0,0 +1 @@\n+{}\n");
    }
}
