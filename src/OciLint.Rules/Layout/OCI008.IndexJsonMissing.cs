namespace OciLint.Rules.Layout;

/// <summary>image-layout.md: index.json "MUST exist"; it is the entry point of the layout.</summary>
public sealed class IndexJsonMissing : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI008", "layout/index-json-missing", "index.json missing", Error, None)
    {
        Description = "index.json is the entry point for references and descriptors of a layout; without it no consumer can find an image.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (layout.Source.Find("index.json") is not null || layout.Source.Issues.Any(i => i.Kind is Core.Layout.SourceIssueKind.NotAnArchive or Core.Layout.SourceIssueKind.Truncated))
        {
            return;
        }

        context.Report(Location.ForFile("index.json"), "index.json is missing: no consumer can find an image in this layout");
    }
}
