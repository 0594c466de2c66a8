namespace OciLint.Core.Fixes;

/// <summary>
/// Replaces or creates a file so that a reader (or a crash) sees either the whole old file or the whole new
/// one: the bytes go to a temporary file in the same folder, are flushed to disk, and the temporary file is
/// renamed over the target (rename within one folder is atomic on POSIX file systems), and the folder is flushed
/// so that the rename itself survives a power loss.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/>. With <paramref name="createNew"/> the target
    /// must not exist (a fix never overwrites a file it did not read). <paramref name="beforeRename"/> runs
    /// between the flushed temporary file and the rename: tests inject failures there.
    /// </summary>
    public static void Write(string path, byte[] content, bool createNew = false, Action<string>? beforeRename = null) =>
        Write(path, stream => stream.Write(content), createNew, beforeRename);

    /// <summary>As above, for content written as a stream (a tar of any size).</summary>
    public static void Write(string path, Action<Stream> write, bool createNew = false, Action<string>? beforeRename = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new IOException($"{path} has no parent folder");
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.ocilint-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (!createNew && !OperatingSystem.IsWindows())
            {
                KeepMode(full, temp);
            }

            beforeRename?.Invoke(temp);
            if (createNew)
            {
                // Move without overwrite fails when the file appeared meanwhile: nothing is ever clobbered.
                File.Move(temp, full, overwrite: false);
            }
            else
            {
                File.Move(temp, full, overwrite: true);
            }

            FlushFolder(folder);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>fsync(2) on the folder, so that its new entry is on disk too; false where that is not possible.</summary>
    /// <remarks>Best effort: the content was flushed before the rename, so a failure here cannot lose data, only the rename.</remarks>
    internal static bool FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var fd = Open(folder, 0); // O_RDONLY: a folder opens read-only without O_DIRECTORY, whose value differs by architecture
        if (fd < 0)
        {
            return false;
        }

        try
        {
            return Fsync(fd) == 0;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "open", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    // The replacement keeps the permissions of the file it replaces (a new file gets the umask's).
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void KeepMode(string original, string temp)
    {
        if (File.Exists(original))
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(original));
        }
    }
}
