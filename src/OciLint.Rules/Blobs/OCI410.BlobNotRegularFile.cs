using OciLint.Core.Blobs;
using OciLint.Core.Layout;

namespace OciLint.Rules.Blobs;

/// <summary>Blobs (and algorithm folders) that are symlinks, folders, FIFOs or devices. Links leaving the layout are never followed.</summary>
public sealed class BlobNotRegularFile : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI410", "blob/not-regular-file", "Blob is a symlink or not a regular file", Warning, None)
    {
        Description = "A blob should be a regular file. A symlink inside the layout is a warning (crane rejects it, copies may break it); one that leaves the layout, dangles, or a folder, FIFO or device is an error and is never opened.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var entry in layout.Source.Entries)
        {
            var depth = entry.Path.Split('/');
            if (depth[0] == "blobs" && depth.Length <= 2 && entry.Kind is EntryKind.Symlink or EntryKind.Other)
            {
                var what = entry.Kind == EntryKind.Symlink ? $"a symlink (-> {entry.LinkTarget})" : "a FIFO, socket or device";
                context.Report(Location.ForFile(entry.Path), $"{entry.Path} is {what}, not a folder: ocilint does not follow it, so no blob below it was read or verified", severity: Error);
            }
        }

        foreach (var blob in layout.Blobs.Records)
        {
            if (blob.Entry is null || blob.Kind == BlobFileKind.File)
            {
                continue;
            }

            var (message, severity) = Judge(blob);
            context.Report(Location.ForFile(blob.Path), message, digest: blob.HasDigestName ? blob.Digest : null, severity: severity, related: BlobText.Referrers(blob));
        }
    }

    private static (string Message, Severity? Severity) Judge(BlobRecord blob)
    {
        const string Crane = "crane (go-containerregistry ≥ 2026-06) rejects it with \"layout blob … is a symlink\"";
        var link = blob.Entry!.LinkTarget;
        var noun = blob.Entry.Kind == EntryKind.HardLink ? "a hard link" : "a symlink";
        return blob.Kind switch
        {
            BlobFileKind.Directory => ("is a folder, not a file: no consumer can read it as a blob", Error),
            BlobFileKind.Special => ("is a FIFO, socket or device, not a regular file; ocilint did not open it (reading a FIFO blocks forever)", Error),
            _ => blob.Link switch
            {
                LinkResolution.InLayout => ($"is a symlink to {link} inside the layout (content verified through it); {Crane}, and copies that do not keep symlinks lose the content", null),
                LinkResolution.LeavesLayout => ($"is {noun} to {link}, which leaves the layout: ocilint does not follow it, its content is unverified, and a copy of the layout (tar, skopeo copy, push) does not carry it; {Crane}", Error),
                LinkResolution.Dangling => ($"is {noun} to {link}, which does not exist in the layout", Error),
                _ => ($"is {noun} to {link}, which is not a regular file (a folder, a device, or a chain of links too long)", Error),
            },
        };
    }
}
