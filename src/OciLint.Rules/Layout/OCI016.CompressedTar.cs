using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>buildx and skopeo write plain tars; a gzip-compressed layout tar is not read by every consumer.</summary>
public sealed class CompressedTar : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI016", "archive/compressed", "Tar is compressed", Warning, None)
    {
        Description = "The layout archive is gzip-compressed (.tar.gz). skopeo reads it, but oci-image-tool fails with \"archive/tar: invalid tar header\" and other tools expect the plain tar that buildx and skopeo write. The blobs inside are compressed already, so gzip gains little.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (layout.Source.Kind == SourceKind.CompressedTar && !layout.Source.Issues.Any(i => i.Kind == SourceIssueKind.NotAnArchive))
        {
            context.Report(Location.ForFile(""), "the layout archive is gzip-compressed: oci-image-tool fails with \"archive/tar: invalid tar header\"; buildx and skopeo write a plain tar (`gunzip -k` gives one)");
        }
    }
}
