using System.Text;

namespace OciLint.Cli;

/// <summary>Writes a report through the core's atomic write (temporary sibling, flush, rename), so readers never see half a report.</summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"{path}: the folder {folder} does not exist");
        }

        try
        {
            Core.Fixes.AtomicFile.Write(full, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: -1, leaveOpen: true);
                write(writer);
            });
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"{path}: permission denied ({e.Message})");
        }
    }
}
