namespace OciLint.Rules.Layout;

/// <summary>image-layout.md: the oci-layout file "MUST exist".</summary>
public sealed class OciLayoutMissing : Rule
{
    public const string Content = "{\"imageLayoutVersion\":\"1.0.0\"}";

    public override RuleMetadata Metadata { get; } = new("OCI002", "layout/oci-layout-missing", "oci-layout file missing", Error, Always)
    {
        Description = "The oci-layout file marks the root of an image layout and names its version. umoci and oci-image-tool refuse a layout without it.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (layout.Source.Find("oci-layout") is not null || layout.Source.Issues.Any(i => i.Kind is Core.Layout.SourceIssueKind.NotAnArchive or Core.Layout.SourceIssueKind.Truncated))
        {
            return;
        }

        var fix = new Fix("write oci-layout with {\"imageLayoutVersion\":\"1.0.0\"}", FixSafety.Safe, [new CreateFile("oci-layout", Content)]);
        context.Report(Location.ForFile("oci-layout"), "the oci-layout file is missing: this is not an OCI image layout (umoci: \"read oci-layout: invalid image detected\")", fix);
    }
}
