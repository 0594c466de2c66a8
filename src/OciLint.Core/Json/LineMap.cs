using System.Text;

namespace OciLint.Core.Json;

/// <summary>Turns byte offsets into 1-based line and column (columns count UTF-16 code units, as SARIF does by default).</summary>
public sealed class LineMap
{
    private readonly byte[] _bytes;
    private readonly int[] _lineStarts;

    public LineMap(byte[] bytes)
    {
        _bytes = bytes;
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, _bytes.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var lineStart = _lineStarts[index];
        var column = Encoding.UTF8.GetCharCount(_bytes, lineStart, offset - lineStart) + 1;
        return (index + 1, column);
    }
}
