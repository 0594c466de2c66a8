using System.Text;

namespace OciLint.Core.Json;

/// <summary>
/// Turns byte offsets into 1-based line and column (columns count UTF-16 code units, as SARIF does by default).
/// Character counts are kept at checkpoints every few hundred bytes, so a position costs O(log n) plus a
/// short scan even on a one-line 50 MB index.json (counting from the line start made that quadratic).
/// </summary>
public sealed class LineMap
{
    private const int CheckpointSpacing = 512;
    private const int NearbyLines = 64;

    private readonly byte[] _bytes;
    private readonly int[] _lineStarts;
    // Built on first use; both arrays in one object, published with one write, so a thread never sees one without the other.
    private Checkpoints? _checkpoints;

    // Only a hint: several threads may ask at once, and each checks it before use.
    private int _lastLine;

    public LineMap(byte[] bytes)
    {
        _bytes = bytes;
        // Counted first, so that a 600,000-line index.json gets one exact array, not a list grown and copied.
        var span = bytes.AsSpan();
        _lineStarts = new int[span.Count((byte)'\n') + 1];
        var position = 0;
        for (var line = 1; line < _lineStarts.Length; line++)
        {
            position += span[position..].IndexOf((byte)'\n') + 1;
            _lineStarts[line] = position;
        }
    }

    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, _bytes.Length);
        var index = LineOf(offset);

        var lineStart = _lineStarts[index];
        var column = offset - lineStart < CheckpointSpacing
            ? Encoding.UTF8.GetCharCount(_bytes, lineStart, offset - lineStart)
            : (int)(CharsBefore(offset) - CharsBefore(lineStart));
        return (index + 1, column + 1);
    }

    // Positions are mostly asked for in document order (a fix's edits, a rule's findings): look near the previous
    // answer first, in a window that stays in cache, before searching all line starts of a 600,000-line index.json.
    private int LineOf(int offset)
    {
        var hint = _lastLine;
        var from = 0;
        var to = _lineStarts.Length;
        if (hint < _lineStarts.Length && _lineStarts[hint] <= offset)
        {
            from = hint;
            var window = Math.Min(to, hint + NearbyLines);
            if (window == to || offset < _lineStarts[window])
            {
                to = window;
            }
        }

        // The last line start at or before offset, in [from, to). By hand: Array.BinarySearch<int> is a generic
        // instantiation ReadyToRun does not precompile, so it ran unoptimized for the first ~100 ms of every run.
        var low = from;
        var high = to - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) >> 1);
            if (_lineStarts[middle] <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        _lastLine = low;
        return low;
    }

    // UTF-16 units in bytes[0..offset), from the nearest checkpoint at or before offset.
    private long CharsBefore(int offset)
    {
        var checkpoints = Volatile.Read(ref _checkpoints);
        if (checkpoints is null)
        {
            checkpoints = BuildCheckpoints();
            Volatile.Write(ref _checkpoints, checkpoints);
        }

        var k = Array.BinarySearch(checkpoints.Offsets, offset);
        if (k < 0)
        {
            k = ~k - 1;
        }

        var from = checkpoints.Offsets[k];
        return checkpoints.Chars[k] + Encoding.UTF8.GetCharCount(_bytes, from, offset - from);
    }

    // Two threads may both build them: the same arrays, and either copy serves.
    private Checkpoints BuildCheckpoints()
    {
        var offsets = new List<int> { 0 };
        var chars = new List<long> { 0 };
        var previous = 0;
        long total = 0;
        for (var at = CheckpointSpacing; at < _bytes.Length; at += CheckpointSpacing)
        {
            // Never split a UTF-8 sequence: move back off continuation bytes (10xxxxxx).
            var boundary = at;
            while (boundary > previous && (_bytes[boundary] & 0xC0) == 0x80)
            {
                boundary--;
            }

            if (boundary == previous)
            {
                continue;
            }

            total += Encoding.UTF8.GetCharCount(_bytes, previous, boundary - previous);
            offsets.Add(boundary);
            chars.Add(total);
            previous = boundary;
        }

        return new Checkpoints([.. offsets], [.. chars]);
    }

    private sealed record Checkpoints(int[] Offsets, long[] Chars);
}
