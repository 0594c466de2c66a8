namespace OciLint.Core.Layout;

public static class LayoutSources
{
    /// <summary>Opens a folder or a tar (plain or gzip) by what is on disk, not by its file name.</summary>
    public static ILayoutSource Open(string target)
    {
        if (Directory.Exists(target))
        {
            return new DirectoryLayoutSource(target);
        }

        if (File.Exists(target))
        {
            return TarLayoutSource.Open(target);
        }

        throw new TargetException($"{target}: no such file or directory");
    }
}
