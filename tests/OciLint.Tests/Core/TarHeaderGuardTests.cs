using System.Formats.Tar;
using OciLint.Core.Layout;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Core;

/// <summary>
/// The guard must follow every valid archive to its end (a guard that loses track guards nothing) and refuse
/// oversized metadata before the tar reader allocates it.
/// </summary>
public sealed class TarHeaderGuardTests
{
    public static TheoryData<TarEntryFormat, bool> Formats()
    {
        var data = new TheoryData<TarEntryFormat, bool>();
        foreach (var format in new[] { TarEntryFormat.V7, TarEntryFormat.Ustar, TarEntryFormat.Pax, TarEntryFormat.Gnu })
        {
            data.Add(format, false);
            data.Add(format, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Follows_A_Valid_Archive_Of_Each_Format_To_Its_End(TarEntryFormat format, bool seekable)
    {
        var names = new List<string>();
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, format, leaveOpen: true))
        {
            var longName = format is TarEntryFormat.Pax or TarEntryFormat.Gnu ? "blobs/sha256/" + new string('a', 200) : "blobs/sha256/" + new string('a', 64);
            foreach (var (name, size) in new[] { ("oci-layout", 0), ("index.json", 1), ("blobs/sha256/b", 511), ("blobs/sha256/c", 512), ("blobs/sha256/d", 513), (longName, 100_000) })
            {
                var entry = Entry(format, TarEntryType.RegularFile, name);
                entry.DataStream = new MemoryStream(new byte[size]);
                if (entry is PaxTarEntry pax)
                {
                    entry = new PaxTarEntry(TarEntryType.RegularFile, name, new Dictionary<string, string> { ["SCHILY.xattr.user.note"] = new string('x', 3000) }) { DataStream = entry.DataStream };
                }

                writer.WriteEntry(entry);
                names.Add(name);
            }

            var link = Entry(format, TarEntryType.SymbolicLink, "link");
            link.LinkName = "index.json";
            writer.WriteEntry(link);
            names.Add("link");
        }

        var (read, guard) = ReadAll(archive.ToArray(), seekable);

        read.ShouldBe(names);
        guard.Following.ShouldBeTrue("the guard lost track of a valid archive");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Follows_A_Pax_Size_Record_That_Overrides_The_Header(bool seekable)
    {
        // The header says 0 bytes; the PAX record before it says 600, and the reader takes the record.
        byte[] archive = [.. RawTar.Pax("size", "600"), .. RawTar.Header("big", '0', 0), .. new byte[1024], .. RawTar.Header("after", '0', 3), .. "abc"u8, .. new byte[509], .. new byte[1024]];

        var (read, guard) = ReadAll(archive, seekable);

        read.ShouldBe(["big", "after"]);
        guard.Following.ShouldBeTrue();
    }

    [Theory]
    [InlineData('x', false)]
    [InlineData('x', true)]
    [InlineData('L', false)]
    [InlineData('g', true)]
    public void Refuses_Metadata_Over_The_Limit_Before_Reading_It(char type, bool seekable)
    {
        // Two MiB declared, none of it present: refused at the header, not after allocating and reading it.
        byte[] archive = [.. RawTar.Header(type == 'L' ? "././@LongLink" : "meta", type, 2 * 1024 * 1024), .. new byte[1024]];

        var failure = Should.Throw<InvalidDataException>(() => ReadAll(archive, seekable));

        failure.Message.ShouldContain("bytes of metadata, more than the 1048576 read");
    }

    private static TarEntry Entry(TarEntryFormat format, TarEntryType type, string name) => format switch
    {
        TarEntryFormat.V7 => new V7TarEntry(type == TarEntryType.RegularFile ? TarEntryType.V7RegularFile : type, name),
        TarEntryFormat.Ustar => new UstarTarEntry(type, name),
        TarEntryFormat.Pax => new PaxTarEntry(type, name),
        _ => new GnuTarEntry(type, name),
    };

    private static (List<string> Names, TarHeaderGuard Guard) ReadAll(byte[] archive, bool seekable)
    {
        Stream source = seekable ? new MemoryStream(archive) : new ForwardOnly(archive);
        var guard = new TarHeaderGuard(source);
        using var reader = new TarReader(guard);
        var names = new List<string>();
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            names.Add(entry.Name);
        }

        return (names, guard);
    }

    /// <summary>A stream that cannot seek, as a gzip stream: the tar reader reads over member data instead.</summary>
    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
