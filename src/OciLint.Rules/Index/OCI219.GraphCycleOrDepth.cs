namespace OciLint.Rules.Index;

/// <summary>The walk refused to follow a descriptor: it leads back to a document above it, or nesting is too deep.</summary>
public sealed class GraphCycleOrDepth : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI219", "index/graph-cycle-or-depth", "Descriptor graph cycle or nesting too deep", Error, None)
    {
        Description = "An index refers (directly or through nested indexes) to itself or to an index above it, or indexes nest deeper than OciLint follows. With verified digests a cycle is impossible, so one of the blobs does not match its digest; consumers that recurse without a guard hang or overflow.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var issue in layout.GraphIssues)
        {
            var descriptor = issue.Descriptor;
            var what = issue.Kind == GraphIssueKind.Cycle
                ? "the descriptor graph has a cycle"
                : "image indexes nest too deep";
            context.Report(descriptor.Owner, descriptor.Node, $"{what}: {issue.Detail}; consumers that follow it without a guard hang or run out of stack");
        }
    }
}
