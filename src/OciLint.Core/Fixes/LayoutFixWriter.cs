using System.Formats.Tar;
using System.IO.Compression;
using OciLint.Core.Layout;

namespace OciLint.Core.Fixes;

/// <summary>A plan could not be written as asked; nothing (or, for a folder, no further file) was written.</summary>
public sealed class FixWriteException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Writes a <see cref="FixPlan"/>: into the layout folder it was made from, file by file and each atomically;
/// or, for a tar, as a new tar beside the input with the same members in the same order (headers kept, only
/// the data of index.json/oci-layout replaced). Blobs are copied, never changed.
/// </summary>
public static class LayoutFixWriter
{
    /// <summary>Writes into a folder. Each file is replaced atomically; a file that changed since it was read stops the write.</summary>
    public static void WriteFolder(string root, FixPlan plan, Action<string>? beforeRename = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var change in plan.Changes)
        {
            var path = Path.Combine(root, change.File);
            var info = new FileInfo(path);
            var current = info.Exists && info.LinkTarget is null ? File.ReadAllBytes(path) : null;
            var unchanged = change.Before is null
                ? !info.Exists && info.LinkTarget is null && !Directory.Exists(path)
                : current is not null && current.AsSpan().SequenceEqual(change.Before);
            if (!unchanged)
            {
                throw new FixWriteException($"{path} changed while it was being fixed; nothing was written (run fix again)");
            }
        }

        foreach (var directory in plan.CreatedDirectories)
        {
            Directory.CreateDirectory(Path.Combine(root, directory));
        }

        // oci-layout first: a layout whose index.json is fixed but whose oci-layout is not yet written is what it was before, plus one fix.
        foreach (var change in plan.Changes)
        {
            AtomicFile.Write(Path.Combine(root, change.File), change.After, createNew: change.Before is null, beforeRename);
        }
    }

    /// <summary>Writes a new tar (gzip when the input is). Refuses to write over the input.</summary>
    public static void WriteTar(string input, string output, FixPlan plan, Action<string>? beforeRename = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (SameFile(input, output))
        {
            throw new FixWriteException($"{output} is the input archive; a tar is never rewritten in place, write the fixed copy elsewhere");
        }

        var replaced = plan.Changes.ToDictionary(c => c.File, c => c.After, StringComparer.Ordinal);
        using var inputStream = File.OpenRead(input);
        var gzip = IsGzip(inputStream);
        if (!gzip)
        {
            AtomicFile.Write(output, outputStream => Copy(inputStream, outputStream, replaced, plan.CreatedDirectories), beforeRename: beforeRename);
            return;
        }

        // TarWriter needs a seekable archive to copy members it cannot measure in advance (they come out of
        // gzip), so the tar is assembled uncompressed beside the output first, then compressed into it.
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var plain = Path.Combine(folder, $".{Path.GetFileName(output)}.ocilint-{Guid.NewGuid():N}.tar.tmp");
        try
        {
            using (var decompressed = new GZipStream(inputStream, CompressionMode.Decompress, leaveOpen: true))
            using (var tar = new FileStream(plain, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                Copy(decompressed, tar, replaced, plan.CreatedDirectories);
            }

            AtomicFile.Write(
                output,
                outputStream =>
                {
                    using var tar = File.OpenRead(plain);
                    using var compressed = new GZipStream(outputStream, CompressionLevel.Optimal, leaveOpen: true);
                    tar.CopyTo(compressed);
                },
                beforeRename: beforeRename);
        }
        finally
        {
            File.Delete(plain);
        }
    }

    private static void Copy(Stream source, Stream output, Dictionary<string, byte[]> replaced, IReadOnlyList<string> directories)
    {
        using var reader = new TarReader(source, leaveOpen: true);
        using var writer = new TarWriter(output, leaveOpen: true);
        var written = new HashSet<string>(StringComparer.Ordinal);
        TarEntry? template = null;
        var dotSlash = false;
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            var path = TarLayoutSource.Normalize(entry.Name, out var unsafeReason);
            if (unsafeReason is null && replaced.TryGetValue(path, out var content) && entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                entry.DataStream = new MemoryStream(content, writable: false);
                template ??= entry;
            }

            if (entry.EntryType is not TarEntryType.GlobalExtendedAttributes)
            {
                written.Add(path);
                dotSlash |= entry.Name.StartsWith("./", StringComparison.Ordinal);
                template ??= entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile ? entry : null;
            }

            writer.WriteEntry(entry);
        }

        // Files and folders the plan creates (a missing oci-layout, blobs/) go after every existing member.
        var prefix = dotSlash ? "./" : "";
        foreach (var directory in directories.Where(d => !written.Contains(d)))
        {
            writer.WriteEntry(NewEntry(template, TarEntryType.Directory, prefix + directory + "/", null));
        }

        foreach (var (path, content) in replaced.Where(r => !written.Contains(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            writer.WriteEntry(NewEntry(template, TarEntryType.RegularFile, prefix + path, content));
        }
    }

    private static TarEntry NewEntry(TarEntry? template, TarEntryType type, string name, byte[]? content)
    {
        var format = template?.Format ?? TarEntryFormat.Pax;
        if (format == TarEntryFormat.V7 && type == TarEntryType.RegularFile)
        {
            type = TarEntryType.V7RegularFile;
        }

        TarEntry entry = format switch
        {
            TarEntryFormat.V7 => new V7TarEntry(type, name),
            TarEntryFormat.Ustar => new UstarTarEntry(type, name),
            TarEntryFormat.Gnu => new GnuTarEntry(type, name),
            _ => new PaxTarEntry(type, name),
        };
        entry.Mode = type == TarEntryType.Directory
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        if (template is not null)
        {
            // Same owner and time as the archive's own files, so the output stays as reproducible as the input.
            entry.ModificationTime = template.ModificationTime;
            entry.Uid = template.Uid;
            entry.Gid = template.Gid;
        }

        if (content is not null)
        {
            entry.DataStream = new MemoryStream(content, writable: false);
        }

        return entry;
    }

    private static bool SameFile(string a, string b)
    {
        var first = Resolve(a);
        var second = Resolve(b);
        return string.Equals(first, second, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : full;
    }

    private static bool IsGzip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Seek(0, SeekOrigin.Begin);
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }
}
