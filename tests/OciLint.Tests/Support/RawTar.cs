using System.Globalization;
using System.IO.Compression;
using System.Text;
using Shouldly;

namespace OciLint.Tests.Support;

/// <summary>Tar blocks written by hand, for the sizes and types TarWriter will not write.</summary>
public static class RawTar
{
    /// <summary>A ustar header block of this type, declaring this size (the data, if any, is the caller's).</summary>
    public static byte[] Header(string name, char type, long size)
    {
        var header = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(header, 0);
        "0000644\0"u8.CopyTo(header.AsSpan(100));
        "0000000\0"u8.CopyTo(header.AsSpan(108));
        "0000000\0"u8.CopyTo(header.AsSpan(116));
        Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(header, 124);
        "00000000000\0"u8.CopyTo(header.AsSpan(136));
        header[156] = (byte)type;
        "ustar\000"u8.CopyTo(header.AsSpan(257));
        "        "u8.CopyTo(header.AsSpan(148));
        Encoding.ASCII.GetBytes(Convert.ToString(header.Sum(b => b), 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        return header;
    }

    /// <summary>A PAX header with one "LEN key=value\n" record, padded to whole blocks.</summary>
    public static byte[] Pax(string key, string value)
    {
        var record = $" {key}={value}\n";
        var length = record.Length + 1;
        length += (length + record.Length).ToString(CultureInfo.InvariantCulture).Length - 1;
        var bytes = Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture) + record);
        bytes.Length.ShouldBe(length);
        var padded = new byte[(bytes.Length + 511) / 512 * 512];
        bytes.CopyTo(padded, 0);
        return [.. Header("pax", 'x', bytes.Length), .. padded];
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
