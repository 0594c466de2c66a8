using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>image-layout.md: blobs is a "Directory" that "MUST exist".</summary>
public sealed class BlobsNotDirectory : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI011", "layout/blobs-not-directory", "blobs is not a directory", Error, None)
    {
        Description = "blobs must be a directory. A file, or a symbolic link (never followed, so its target is not part of the layout), leaves every blob unreachable; oci-image-tool (\"blobs is not a directory\") and umoci refuse it.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (layout.Source.Find("blobs") is { Kind: not EntryKind.Directory } entry)
        {
            context.Report(Location.ForFile("blobs"), $"blobs is {EntryKinds.Describe(entry)}, not a directory: no blob can be read (umoci: \"blobdir is not a directory\")");
        }
    }
}
