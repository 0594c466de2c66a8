using System.Text;

namespace OciLint.Core.Layout;

/// <summary>
/// Sits between an archive and System.Formats.Tar and follows the header blocks going past, so that a PAX or GNU
/// long-name header declaring megabytes of metadata is refused before the tar reader allocates it all (a 600 KB
/// gzip can declare 600 MB). Where it loses track of the archive's structure it stops watching: the tar reader
/// judges the archive, the guard only bounds its memory.
/// </summary>
internal sealed class TarHeaderGuard(Stream inner) : Stream
{
    /// <summary>The largest metadata record read; real ones (long names, xattrs of a layout) are a few KiB.</summary>
    public const int MetadataLimit = 1024 * 1024;

    private const int Block = 512;

    private readonly byte[] _header = new byte[Block];
    private long _position;
    private long _nextHeader;
    private int _headerFill;
    private bool _lost;

    // The data of a PAX header being read, parsed for a "size" record that overrides the next header's size.
    private byte[]? _pax;
    private int _paxFill;
    private long? _sizeOverride;

    /// <summary>Whether the guard still follows the archive's header blocks (tests check it does on valid tars).</summary>
    internal bool Following => !_lost;

    /// <summary>How far into the archive it has read: for a stream that cannot seek (gzip), the bytes read.</summary>
    internal long Offset => _position;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (!_lost)
        {
            Watch(buffer[..read]);
        }

        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = inner.Seek(offset, origin);

        // The tar reader seeks only forward over member data, to the next header; anything else is not followed.
        if (position > _nextHeader || position < _position || (_headerFill > 0 && position != _position) || _pax is not null)
        {
            _lost = true;
        }

        _position = position;
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Watch(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length && !_lost)
        {
            var at = _position + i;
            if (_pax is not null)
            {
                var take = Math.Min(data.Length - i, _pax.Length - _paxFill);
                data.Slice(i, take).CopyTo(_pax.AsSpan(_paxFill));
                _paxFill += take;
                i += take;
                if (_paxFill == _pax.Length)
                {
                    _sizeOverride = PaxSize(_pax);
                    _pax = null;
                }
            }
            else if (at < _nextHeader)
            {
                i += (int)Math.Min(data.Length - i, _nextHeader - at);
            }
            else
            {
                var part = Math.Min(data.Length - i, Block - _headerFill);
                data.Slice(i, part).CopyTo(_header.AsSpan(_headerFill));
                _headerFill += part;
                i += part;
                if (_headerFill == Block)
                {
                    _headerFill = 0;
                    Parse();
                }
            }
        }
    }

    private void Parse()
    {
        var start = _nextHeader;
        if (_header.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            _nextHeader = start + Block; // an end-of-archive block
            return;
        }

        var type = (char)_header[156];
        if (Size(_header.AsSpan(124, 12)) is not { } declared)
        {
            _lost = true;
            return;
        }

        var metadata = type is 'x' or 'g' or 'L' or 'K' or 'X';
        if (metadata && declared > MetadataLimit)
        {
            var what = type is 'L' or 'K' ? "GNU long-name" : "PAX";
            throw new InvalidDataException($"a {what} header declares {declared} bytes of metadata, more than the {MetadataLimit} read");
        }

        var size = metadata ? declared : _sizeOverride ?? declared;
        if (!metadata)
        {
            _sizeOverride = null;
        }

        if (type is 'x' or 'X' && declared > 0)
        {
            // Its data follows the header at once, so the next bytes read are the records.
            _pax = new byte[declared];
            _paxFill = 0;
        }

        _nextHeader = start + Block + ((size + Block - 1) / Block * Block);
    }

    /// <summary>An octal size field, or GNU base-256 (a large size, beyond any metadata limit); null when it is neither.</summary>
    private static long? Size(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) != 0)
        {
            return long.MaxValue / 2;
        }

        long value = 0;
        foreach (var b in field)
        {
            if (b is 0 or (byte)' ')
            {
                if (value > 0)
                {
                    break;
                }

                continue;
            }

            if (b is < (byte)'0' or > (byte)'7' || value > long.MaxValue / 16)
            {
                return null;
            }

            value = (value * 8) + (b - '0');
        }

        return value;
    }

    // Records are "LEN key=value\n"; only "size" matters here.
    private static long? PaxSize(byte[] records)
    {
        foreach (var line in Encoding.UTF8.GetString(records).Split('\n'))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line.AsSpan(space + 1).StartsWith("size=", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(space + 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
            {
                return size;
            }
        }

        return null;
    }
}
