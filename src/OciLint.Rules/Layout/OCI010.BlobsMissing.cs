using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>image-layout.md: the blobs "Directory MUST exist and MAY be empty".</summary>
public sealed class BlobsMissing : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI010", "layout/blobs-missing", "blobs directory missing", Error, Always)
    {
        Description = "Every layout has a blobs directory, even an empty one. umoci (\"check blobdir\") and oci-image-tool refuse a layout without it; skopeo, crane and regclient fail only when they first read a blob.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        var source = layout.Source;
        if (source.Find("blobs") is not null
            || source.Entries.Any(e => e.Path.StartsWith("blobs/", StringComparison.Ordinal))
            || source.Issues.Any(i => i.Kind == SourceIssueKind.NotAnArchive)
            || NestedLayout.Folder(layout) is not null)
        {
            return;
        }

        var fix = new Fix("create an empty blobs/ directory", FixSafety.Safe, [new CreateDirectory("blobs")]);
        context.Report(Location.ForFile("blobs"), "the blobs directory is missing (umoci: \"check blobdir\"); it must exist even when empty", fix);
    }
}
