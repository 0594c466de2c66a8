namespace OciLint.Core.Layout;

public static class LayoutSources
{
    /// <summary>Opens a folder or a tar (plain or gzip) by what is on disk, not by its file name.</summary>
    /// <param name="hashBlobs">False when blobs will not be verified (<c>--no-blobs</c>): a compressed tar then skips hashing during its single pass.</param>
    public static ILayoutSource Open(string target, bool hashBlobs = true)
    {
        if (Directory.Exists(target))
        {
            return new DirectoryLayoutSource(target);
        }

        if (File.Exists(target))
        {
            return TarLayoutSource.Open(target, hashBlobs);
        }

        throw new TargetException($"{target}: no such file or directory");
    }
}
