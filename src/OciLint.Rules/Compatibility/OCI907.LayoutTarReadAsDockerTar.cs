using OciLint.Core.Layout;

namespace OciLint.Rules.Compatibility;

/// <summary>crane reads a file (not a folder) as a docker save tarball, which an OCI layout tar without manifest.json is not.</summary>
public sealed class LayoutTarReadAsDockerTar : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI907", "compat/layout-tar-read-as-docker-tar", "OCI layout tar consumed by a Docker-tar reader (crane push FILE.tar, crane validate --tarball)", Note, None)
    {
        Description = "The target is a tar of an OCI layout without docker save's manifest.json. crane reads a non-directory PATH as a docker tarball: `crane push FILE.tar IMAGE` and `crane validate --tarball FILE.tar` fail with \"file manifest.json not found in tar\". Extract the layout and `crane push DIR IMAGE`, or use `skopeo copy oci-archive:FILE.tar …`. A tar that also holds manifest.json (docker save ≥ 25 writes both formats) is not reported.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        var source = layout.Source;
        if (source.Kind == SourceKind.Directory
            || source.Issues.Any(i => i.Kind == SourceIssueKind.NotAnArchive)
            || (source.Find("index.json") is null && source.Find("oci-layout") is null)
            || source.Find("manifest.json") is not null)
        {
            return;
        }

        context.Report(
            Location.ForFile(""),
            "the archive holds an OCI layout but no docker save manifest.json: crane reads a file PATH as a docker tarball, so `crane push FILE.tar IMAGE` and `crane validate --tarball FILE.tar` fail with \"file manifest.json not found in tar\"; "
            + "extract it and `crane push DIR IMAGE`, or use `skopeo copy oci-archive:FILE.tar …`");
    }
}
