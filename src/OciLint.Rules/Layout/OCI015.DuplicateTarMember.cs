using OciLint.Core.Layout;
using OciLint.Rules.Support;

namespace OciLint.Rules.Layout;

/// <summary>The same path twice in one archive: which copy a consumer sees depends on how it reads the tar.</summary>
public sealed class DuplicateTarMember : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI015", "archive/duplicate-member", "Tar: the same path appears twice", Error, None)
    {
        Description = "A path appears more than once in the archive. Extracting tools keep the last copy, tools that index the archive may keep the first, so two consumers can see two different layouts. OciLint reads the last copy, as tar does. A warning when every copy has the same bytes.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var issue in layout.Source.Issues)
        {
            if (issue.Kind == SourceIssueKind.DuplicatePath)
            {
                context.Report(Location.ForFile(issue.Path), $"\"{issue.Path}\" {issue.Detail}: readers that keep the first copy see different content");
            }
            else if (issue.Kind == SourceIssueKind.DuplicateIdenticalPath)
            {
                context.Report(Location.ForFile(issue.Path), $"\"{issue.Path}\" {issue.Detail}: every reader sees the same content, but the archive stores it twice (usually from appending with tar -r)", severity: LayoutFacts.Milder(context, Warning));
            }
        }
    }
}
