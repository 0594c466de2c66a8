using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>Members a naive extractor would write outside its target folder, or that are no files at all.</summary>
public sealed class UnsafeTarMember : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI014", "archive/unsafe-member", "Tar: unsafe member", Error, None)
    {
        Description = "An absolute path, a \"..\" component, a link whose target leaves the archive root, or a device/FIFO member. Extracting such an archive can overwrite files outside the target folder (path traversal); OciLint never extracts and skips these members.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var issue in layout.Source.Issues.Where(i => i.Kind == SourceIssueKind.UnsafeMember))
        {
            var file = SafeFile(issue.Path);
            var consequence = (file.Length > 0 ? layout.Source.Find(file)?.Kind : null) switch
            {
                EntryKind.Other => "extracting it creates a device node or FIFO (reading a FIFO blocks forever); OciLint never opens it",
                EntryKind.Symlink or EntryKind.HardLink => "an extractor that follows it reads or writes outside the target folder; OciLint never follows it",
                _ => "extracting this archive could write outside the target folder; OciLint skipped the member",
            };
            context.Report(Location.ForFile(file), $"tar member \"{issue.Path}\" {issue.Detail}: {consequence}");
        }
    }

    // An absolute or ".." name must not become a report location (SARIF, GitHub annotations): point at the archive instead.
    private static string SafeFile(string raw)
    {
        var parts = raw.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        return raw.StartsWith('/') || (raw.Length > 1 && raw[1] == ':') || parts.Contains("..") ? "" : string.Join('/', parts);
    }
}
