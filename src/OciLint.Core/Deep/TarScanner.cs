using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OciLint.Core.Deep;

/// <summary>
/// Reads a tar stream fed in arbitrary chunks, keeping only a header's worth of bytes (plus bounded
/// extended-header data): entry paths, duplicates, bare whiteouts, and how the stream ends. It never stores
/// file contents, so memory does not depend on the layer's size.
/// </summary>
internal sealed class TarScanner
{
    public const int Block = 512;

    /// <summary>Paths remembered for the duplicate check (16 bytes each); later entries are not compared.</summary>
    public const int MaxTrackedPaths = 2_000_000;

    /// <summary>Largest PAX or GNU long-name payload read; larger ones are skipped, not buffered.</summary>
    public const int MaxMetadataBytes = 1024 * 1024;

    private const int Examples = 10;

    private readonly byte[] _header = new byte[Block];
    private readonly HashSet<UInt128> _paths = [];
    private readonly List<string> _duplicates = [];
    private readonly List<string> _whiteouts = [];
    private int _headerFill;
    private long _dataLeft;
    private long _padLeft;
    private MetadataKind _metadata;
    private byte[]? _metadataBuffer;
    private int _metadataFill;
    private byte[]? _longName;
    private byte[]? _paxPath;
    private long? _paxSize;
    private int _zeroBlocks;
    private bool _ended;
    private long _offset;
    private string _current = "";
    private long _currentSize;

    private enum MetadataKind
    {
        None,
        LongName,
        Ignored,
        Pax,
    }

    /// <summary>Set when the stream is not a tar archive or a header is corrupt; feeding stops mattering then.</summary>
    public string? Failure { get; private set; }

    public long Entries { get; private set; }

    public long DuplicateCount { get; private set; }

    public IReadOnlyList<string> Duplicates => _duplicates;

    public bool DuplicateCheckLimited { get; private set; }

    public long BareWhiteoutCount { get; private set; }

    public IReadOnlyList<string> BareWhiteouts => _whiteouts;

    public void Feed(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty && Failure is null)
        {
            if (_ended)
            {
                // After the end-of-archive marker tar pads to its record size; extractors ignore what follows.
                _offset += data.Length;
                return;
            }

            if (_dataLeft > 0)
            {
                var n = (int)Math.Min(_dataLeft, data.Length);
                if (_metadata != MetadataKind.None && _metadataBuffer is not null)
                {
                    data[..n].CopyTo(_metadataBuffer.AsSpan(_metadataFill));
                    _metadataFill += n;
                }

                _dataLeft -= n;
                _offset += n;
                data = data[n..];
                if (_dataLeft == 0)
                {
                    EndMetadata();
                }

                continue;
            }

            if (_padLeft > 0)
            {
                var n = (int)Math.Min(_padLeft, data.Length);
                _padLeft -= n;
                _offset += n;
                data = data[n..];
                continue;
            }

            var take = Math.Min(Block - _headerFill, data.Length);
            data[..take].CopyTo(_header.AsSpan(_headerFill));
            _headerFill += take;
            _offset += take;
            data = data[take..];
            if (_headerFill == Block)
            {
                _headerFill = 0;
                OnHeader();
            }
        }
    }

    /// <summary>Judges how the stream ended: (truncated?, problem) or a missing end-of-archive marker.</summary>
    public (bool Truncated, string? Problem, bool MissingEnd, string? EndDetail) Finish()
    {
        if (Failure is not null || _ended)
        {
            return (false, null, false, null);
        }

        if (_headerFill > 0 && _header.AsSpan(0, _headerFill).ContainsAnyExcept((byte)0))
        {
            return (true, $"the tar stream ends inside a header at offset {_offset - _headerFill} ({_headerFill} of {Block} bytes)", false, null);
        }

        if (_dataLeft > 0)
        {
            return (true, $"the tar stream ends inside \"{_current}\": {_currentSize - _dataLeft} of {_currentSize} bytes present", false, null);
        }

        var detail = _padLeft > 0
            ? "the last member's padding and the end-of-archive marker (two zero blocks) are missing"
            : _zeroBlocks == 1
                ? "only one of the two zero blocks that end a tar archive is present"
                : Entries == 0 ? "the stream is empty: not even the end-of-archive marker (two zero blocks)" : "the end-of-archive marker (two zero blocks) is missing";
        return (false, null, true, detail);
    }

    private void OnHeader()
    {
        var header = _header.AsSpan();
        var headerOffset = _offset - Block;
        if (!header.ContainsAnyExcept((byte)0))
        {
            if (++_zeroBlocks >= 2)
            {
                _ended = true;
            }

            return;
        }

        if (_zeroBlocks > 0)
        {
            Failure = $"a single zero block at offset {headerOffset - Block} is followed by more entries (Go's archive/tar, used by containerd, Docker and umoci, stops with \"invalid tar header\")";
            return;
        }

        if (!ChecksumMatches(header))
        {
            Failure = Entries == 0 && _metadata == MetadataKind.None && headerOffset == 0
                ? "the decoded stream is not a tar archive (no valid tar header at offset 0)"
                : $"corrupt tar header at offset {headerOffset} (checksum mismatch)";
            return;
        }

        var type = header[156];
        if (!TryParseNumber(header.Slice(124, 12), out var headerSize))
        {
            Failure = $"corrupt tar header at offset {headerOffset} (unreadable size field)";
            return;
        }

        _metadata = type switch
        {
            (byte)'L' => MetadataKind.LongName,
            (byte)'x' or (byte)'X' => MetadataKind.Pax,
            (byte)'K' or (byte)'g' or (byte)'V' => MetadataKind.Ignored,
            _ => MetadataKind.None,
        };

        long size;
        if (_metadata != MetadataKind.None)
        {
            size = headerSize;
            _metadataFill = 0;
            _metadataBuffer = _metadata != MetadataKind.Ignored && size <= MaxMetadataBytes ? new byte[size] : null;
            _current = "(extended header)";
        }
        else
        {
            // Go's archive/tar treats these as header-only whatever their size field says.
            var headerOnly = type is (byte)'1' or (byte)'2' or (byte)'3' or (byte)'4' or (byte)'5' or (byte)'6';
            size = headerOnly ? 0 : _paxSize ?? headerSize;
            var path = _paxPath ?? _longName ?? HeaderName(header);
            _paxPath = null;
            _longName = null;
            _paxSize = null;
            Register(path);
        }

        _currentSize = size;
        _dataLeft = size;
        _padLeft = (Block - (size % Block)) % Block;
        if (size == 0)
        {
            EndMetadata();
        }
    }

    private void EndMetadata()
    {
        var buffer = _metadataBuffer;
        var kind = _metadata;
        _metadata = MetadataKind.None;
        _metadataBuffer = null;
        if (buffer is null)
        {
            return;
        }

        var content = buffer.AsSpan(0, _metadataFill);
        if (kind == MetadataKind.LongName)
        {
            _longName = CString(content).ToArray();
        }
        else if (kind == MetadataKind.Pax)
        {
            ParsePax(content);
        }
    }

    /// <summary>PAX records: "%d %s=%s\n", the number being the record's whole length.</summary>
    private void ParsePax(ReadOnlySpan<byte> records)
    {
        while (!records.IsEmpty)
        {
            var space = records.IndexOf((byte)' ');
            if (space <= 0 || !long.TryParse(Encoding.ASCII.GetString(records[..space]), out var length) || length <= space || length > records.Length)
            {
                return;
            }

            var record = records[(space + 1)..(int)length];
            records = records[(int)length..];
            var equals = record.IndexOf((byte)'=');
            if (equals < 0 || record[^1] != (byte)'\n')
            {
                continue;
            }

            var key = record[..equals];
            var value = record[(equals + 1)..^1];
            if (key.SequenceEqual("path"u8))
            {
                _paxPath = value.ToArray();
            }
            else if (key.SequenceEqual("size"u8) && long.TryParse(Encoding.ASCII.GetString(value), out var size) && size >= 0)
            {
                _paxSize = size;
            }
        }
    }

    private void Register(byte[] rawPath)
    {
        Entries++;
        var path = Normalize(rawPath);
        _current = Display(rawPath);
        if (path.Length == 0)
        {
            // The root folder ("./"): no file path, nothing to compare.
            return;
        }

        var slash = path.AsSpan().LastIndexOf((byte)'/');
        if (path.AsSpan(slash + 1).SequenceEqual(".wh."u8))
        {
            if (BareWhiteoutCount++ < Examples)
            {
                _whiteouts.Add(_current);
            }
        }

        if (_paths.Count >= MaxTrackedPaths)
        {
            DuplicateCheckLimited = true;
            return;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(path, hash);
        if (!_paths.Add(BinaryPrimitives.ReadUInt128LittleEndian(hash)) && DuplicateCount++ < Examples)
        {
            _duplicates.Add(Display(path));
        }
    }

    /// <summary>"./a//b/" and "a/b" are the same path: drop empty and "." segments and leading/trailing slashes.</summary>
    private static byte[] Normalize(byte[] path)
    {
        var result = new List<byte>(path.Length);
        foreach (var range in path.AsSpan().Split((byte)'/'))
        {
            var segment = path.AsSpan(range);
            if (segment.IsEmpty || segment.SequenceEqual("."u8))
            {
                continue;
            }

            if (result.Count > 0)
            {
                result.Add((byte)'/');
            }

            result.AddRange(segment);
        }

        return [.. result];
    }

    private static byte[] HeaderName(ReadOnlySpan<byte> header)
    {
        var name = CString(header[..100]);

        // POSIX ustar ("ustar\0" + "00") splits long names into prefix + name; GNU ("ustar  \0") uses those bytes otherwise.
        if (header.Slice(257, 6).SequenceEqual("ustar\0"u8))
        {
            var prefix = CString(header.Slice(345, 155));
            if (!prefix.IsEmpty)
            {
                return [.. prefix, (byte)'/', .. name];
            }
        }

        return name.ToArray();
    }

    private static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> field)
    {
        var nul = field.IndexOf((byte)0);
        return nul < 0 ? field : field[..nul];
    }

    private static string Display(ReadOnlySpan<byte> path) => Encoding.UTF8.GetString(path);

    /// <summary>The checksum is the sum of the header's bytes with the checksum field read as spaces (unsigned, or signed by old tars).</summary>
    private static bool ChecksumMatches(ReadOnlySpan<byte> header)
    {
        if (!TryParseNumber(header.Slice(148, 8), out var stored))
        {
            return false;
        }

        long unsigned = 0, signed = 0;
        for (var i = 0; i < Block; i++)
        {
            var b = i is >= 148 and < 156 ? (byte)' ' : header[i];
            unsigned += b;
            signed += (sbyte)b;
        }

        return stored == unsigned || stored == signed;
    }

    /// <summary>An octal field (NUL/space terminated, maybe space-padded) or GNU base-256 (high bit set).</summary>
    private static bool TryParseNumber(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if ((field[0] & 0x80) != 0)
        {
            if ((field[0] & 0x40) != 0)
            {
                return false;
            }

            value = field[0] & 0x3f;
            foreach (var b in field[1..])
            {
                if (value > (long.MaxValue >> 8))
                {
                    return false;
                }

                value = (value << 8) | b;
            }

            return true;
        }

        var i = 0;
        while (i < field.Length && field[i] is (byte)' ' or 0)
        {
            i++;
        }

        for (; i < field.Length && field[i] is not ((byte)' ' or 0); i++)
        {
            if (field[i] is < (byte)'0' or > (byte)'7' || value > (long.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (long)(field[i] - '0');
        }

        return true;
    }
}
