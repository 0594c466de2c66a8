namespace OciLint.Rules.Layout;

/// <summary>The root of an archive is the root of the layout; a tar of the layout's parent folder holds no layout.</summary>
public sealed class NestedLayoutInTar : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI013", "archive/nested-layout", "Tar: layout nested under a top-level directory", Error, None)
    {
        Description = "The archive holds DIR/index.json instead of index.json: it was made from the layout's parent folder. skopeo (oci-archive:) fails with \"open …/index.json: no such file or directory\", and oci-image-tool wrongly passes it.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (NestedLayout.Folder(layout) is { } folder)
        {
            context.Report(
                Location.ForFile(folder),
                $"the layout is inside the folder \"{folder}/\" of the archive, not at its root: consumers look for index.json at the root (skopeo: \"open …/index.json: no such file or directory\"); re-create the archive from inside the layout with `tar -C {folder} -cf out.tar .`");
        }
    }
}
