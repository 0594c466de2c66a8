using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>image-layout.md: the oci-layout "file ... MUST exist"; a folder, link or device of that name is no such file.</summary>
public sealed class OciLayoutNotRegularFile : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI003", "layout/oci-layout-not-file", "oci-layout is not a regular file", Error, None)
    {
        Description = "The oci-layout marker must be a regular file. A directory, symbolic link or hard link of that name is not read (links are never followed), so the layout has no version marker; oci-image-tool fails with \"oci-layout is a directory\".",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (layout.Source.Find("oci-layout") is { IsFile: false } entry)
        {
            var peer = entry.Kind == EntryKind.Directory ? " (oci-image-tool: \"oci-layout is a directory\")" : "";
            context.Report(Location.ForFile("oci-layout"), $"oci-layout is {EntryKinds.Describe(entry)}, not a regular file: consumers cannot read the layout version{peer}");
        }
    }
}
