using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>A folder of the layout that could not be listed (permissions): whatever is inside was not checked.</summary>
public sealed class UnreadableEntry : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI018", "layout/unreadable", "Unreadable file or directory", Error, None)
    {
        Description = "A file or directory of the layout cannot be read, usually because of its permissions. Every consumer fails on it (\"permission denied\"), and nothing inside it could be checked.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var issue in layout.Source.Issues.Where(i => i.Kind == SourceIssueKind.Unreadable))
        {
            context.Report(Location.ForFile(issue.Path), $"\"{(issue.Path.Length == 0 ? "." : issue.Path)}\" cannot be read ({issue.Detail}): consumers fail with \"permission denied\", and its content was not checked");
        }

        foreach (var (path, message) in layout.ReadErrors.DistinctBy(e => e.Path))
        {
            context.Report(Location.ForFile(path), $"\"{path}\" cannot be read ({message}): consumers fail the same way, and its content was not checked");
        }
    }
}
