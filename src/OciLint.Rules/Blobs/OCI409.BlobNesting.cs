using OciLint.Core.Layout;

namespace OciLint.Rules.Blobs;

/// <summary>Files directly in blobs/, or folders inside an algorithm folder.</summary>
public sealed class BlobNesting : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI409", "blob/nesting", "Wrong nesting under blobs/", Error, None)
    {
        Description = "blobs/ holds one folder per algorithm and those hold the blob files. A file directly in blobs/ or a folder one level deeper is never found by any consumer.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in layout.Source.Entries)
        {
            var parts = entry.Path.Split('/');
            if (parts[0] != "blobs" || parts.Length < 2)
            {
                continue;
            }

            // A symlinked algorithm folder is OCI410's.
            if (parts.Length == 2 && entry.Kind is EntryKind.File or EntryKind.HardLink or EntryKind.Other && reported.Add(entry.Path))
            {
                context.Report(Location.ForFile(entry.Path), $"a file directly in blobs/: blobs holds only algorithm folders (blobs/<alg>/<encoded>), so no consumer finds \"{parts[1]}\"");
            }
            else if (parts.Length > 3 || (parts.Length == 3 && entry.Kind == EntryKind.Directory && !IsReferencedPath(layout, entry.Path)))
            {
                var folder = string.Join('/', parts.Take(3));
                if (reported.Add(folder))
                {
                    context.Report(Location.ForFile(folder), $"a folder inside blobs/{parts[1]}/: blob files sit directly in their algorithm folder, so nothing below {folder}/ is a blob");
                }
            }
        }
    }

    // A folder where a referenced blob should be is OCI410's (not a regular file).
    private static bool IsReferencedPath(LayoutModel layout, string path) => layout.Blobs[path] is { IsReferenced: true };
}
