using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

internal static class EntryKinds
{
    /// <summary>"a directory", "a symbolic link to x", ... for messages about an entry that should be a file.</summary>
    public static string Describe(LayoutEntry entry) => entry.Kind switch
    {
        EntryKind.Directory => "a directory",
        EntryKind.Symlink => $"a symbolic link{(entry.LinkTarget is { } target ? $" to {target}" : "")}",
        EntryKind.HardLink => $"a hard link{(entry.LinkTarget is { } target ? $" to {target}" : "")}",
        EntryKind.Other => "a device, FIFO or socket",
        _ => "a regular file",
    };
}
