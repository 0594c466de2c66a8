using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>image-layout.md: the index.json "file ... MUST exist"; a folder, link or device of that name is no such file.</summary>
public sealed class IndexJsonNotRegularFile : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI009", "layout/index-json-not-file", "index.json is not a regular file", Error, None)
    {
        Description = "index.json, the entry point of the layout, must be a regular file. A directory, symbolic link or hard link of that name is not read (links are never followed), so no image can be found; oci-image-tool and umoci refuse it.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (layout.Source.Find("index.json") is { IsFile: false } entry)
        {
            var peer = entry.Kind == EntryKind.Directory ? " (oci-image-tool: \"index.json is a directory\", umoci: \"index is a directory\")" : "";
            context.Report(Location.ForFile("index.json"), $"index.json is {EntryKinds.Describe(entry)}, not a regular file: no consumer can find an image{peer}");
        }
    }
}
