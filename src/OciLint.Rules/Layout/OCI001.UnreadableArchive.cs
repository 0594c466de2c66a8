using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>The target file is not a tar archive, or the archive ends early.</summary>
public sealed class UnreadableArchive : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI001", "layout/unreadable-archive", "Input is neither a directory nor a readable tar archive", Error, None)
    {
        Description = "A layout is read from a folder or from a tar (plain or gzip). A file that is no tar, or a truncated one, cannot be a layout; whatever was read before the damage is still checked.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var issue in layout.Source.Issues.Where(i => i.Kind is SourceIssueKind.NotAnArchive or SourceIssueKind.Truncated))
        {
            context.Report(Location.ForFile(""), issue.Detail);
        }
    }
}
