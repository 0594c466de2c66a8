using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>image-layout.md: "additional files may be included in the directory. Implementations should not error when encountering unknown files."</summary>
public sealed class UnknownTopLevelEntry : Rule
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "oci-layout", "index.json", "blobs" };

    public override RuleMetadata Metadata { get; } = new("OCI012", "layout/unknown-top-level-entry", "Unknown top-level entry", Note, None)
    {
        Description = "Files or folders beside oci-layout, index.json and blobs are allowed and ignored by consumers, but often are leftovers: docker save's manifest.json and repositories, interrupted writes (*.tmp), ingest folders.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (layout.Source.Issues.Any(i => i.Kind == SourceIssueKind.NotAnArchive) || NestedLayout.Folder(layout) is not null)
        {
            return;
        }

        // A tar may hold "ingest/x" without an "ingest/" member: judge top-level names, not entries.
        var names = layout.Source.Entries.Select(e => e.Path.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? e.Path[..slash] : e.Path).Where(n => !Known.Contains(n)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            context.Report(Location.ForFile(name), $"\"{name}\" is not part of an OCI layout; consumers ignore it{Why(name)}");
        }
    }

    private static string Why(string name) => name switch
    {
        "manifest.json" => ": a docker-save compatible layout (docker save and buildx type=docker write it for `docker load`)",
        "repositories" => ": the legacy docker save tag file, read only by old `docker load`",
        _ when name.EndsWith(".tmp", StringComparison.Ordinal) || name.Contains(".tmp", StringComparison.Ordinal) => ": it looks like the leftover of an interrupted write and can be deleted",
        "ingest" => ": containerd/oras keep partial downloads there; it can be deleted when no transfer is running",
        _ => "",
    };
}
