using System.Text;

namespace OciLint.Core.Fixes;

/// <summary>
/// A unified diff (as <c>diff -u</c> and <c>git diff</c> print it, <c>patch -p1</c> applies it) between two
/// versions of a text file. Lines are compared after the common head and tail are cut off; the middle is
/// matched by longest common subsequence when it is small and replaced as a block when it is not.
/// </summary>
public static class UnifiedDiff
{
    private const long MaxMatrixCells = 4_000_000;

    /// <summary>The diff, or "" when the texts are equal. A null <paramref name="before"/> is a new file (<c>/dev/null</c>).</summary>
    public static string Create(string oldLabel, string newLabel, string? before, string after, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before == after)
        {
            return "";
        }

        var a = SplitLines(before ?? "");
        var b = SplitLines(after);
        var ops = Diff(a, b);
        var output = new StringBuilder();
        output.Append("--- ").Append(before is null ? "/dev/null" : oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');
        foreach (var hunk in Hunks(ops, context))
        {
            WriteHunk(output, ops, hunk);
        }

        return output.ToString();
    }

    // Each line keeps its terminator, so "no newline at end of file" survives the comparison.
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private enum Kind
    {
        Same,
        Delete,
        Insert,
    }

    private readonly record struct Op(Kind Kind, int A, int B, string Line);

    private static List<Op> Diff(List<string> a, List<string> b)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }

        var ops = new List<Op>();
        for (var i = 0; i < head; i++)
        {
            ops.Add(new Op(Kind.Same, i, i, a[i]));
        }

        var n = a.Count - head - tail;
        var m = b.Count - head - tail;
        if ((long)n * m <= MaxMatrixCells)
        {
            Middle(a, b, head, n, m, ops);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                ops.Add(new Op(Kind.Delete, head + i, -1, a[head + i]));
            }

            for (var j = 0; j < m; j++)
            {
                ops.Add(new Op(Kind.Insert, -1, head + j, b[head + j]));
            }
        }

        for (var i = 0; i < tail; i++)
        {
            ops.Add(new Op(Kind.Same, a.Count - tail + i, b.Count - tail + i, a[a.Count - tail + i]));
        }

        return ops;
    }

    private static void Middle(List<string> a, List<string> b, int offset, int n, int m, List<Op> ops)
    {
        // lcs[i, j] = length of the LCS of a[i..n) and b[j..m), so the walk below goes front to back.
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[offset + i] == b[offset + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[offset + x] == b[offset + y])
            {
                ops.Add(new Op(Kind.Same, offset + x, offset + y, a[offset + x]));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // Deletions before insertions, as diff -u prints a changed block.
                ops.Add(new Op(Kind.Delete, offset + x, -1, a[offset + x]));
                x++;
            }
            else
            {
                ops.Add(new Op(Kind.Insert, -1, offset + y, b[offset + y]));
                y++;
            }
        }
    }

    private static IEnumerable<(int Start, int End)> Hunks(List<Op> ops, int context)
    {
        var changes = Enumerable.Range(0, ops.Count).Where(i => ops[i].Kind != Kind.Same).ToList();
        var index = 0;
        while (index < changes.Count)
        {
            var start = Math.Max(0, changes[index] - context);
            var end = Math.Min(ops.Count, changes[index] + context + 1);
            index++;
            while (index < changes.Count && changes[index] - context <= end)
            {
                end = Math.Min(ops.Count, changes[index] + context + 1);
                index++;
            }

            yield return (start, end);
        }
    }

    private static void WriteHunk(StringBuilder output, List<Op> ops, (int Start, int End) hunk)
    {
        int oldLines = 0, newLines = 0;
        var oldBefore = 0;
        var newBefore = 0;
        for (var i = 0; i < hunk.Start; i++)
        {
            oldBefore += ops[i].Kind != Kind.Insert ? 1 : 0;
            newBefore += ops[i].Kind != Kind.Delete ? 1 : 0;
        }

        for (var i = hunk.Start; i < hunk.End; i++)
        {
            if (ops[i].Kind != Kind.Insert)
            {
                oldLines++;
            }

            if (ops[i].Kind != Kind.Delete)
            {
                newLines++;
            }
        }

        // diff -u numbers an empty range by the line before it.
        var oldStart = oldLines == 0 ? oldBefore : oldBefore + 1;
        var newStart = newLines == 0 ? newBefore : newBefore + 1;
        output.Append("@@ -").Append(Range(oldStart, oldLines)).Append(" +").Append(Range(newStart, newLines)).Append(" @@\n");
        for (var i = hunk.Start; i < hunk.End; i++)
        {
            var op = ops[i];
            output.Append(op.Kind switch { Kind.Same => ' ', Kind.Delete => '-', _ => '+' });
            if (op.Line.EndsWith('\n'))
            {
                output.Append(op.Line);
            }
            else
            {
                output.Append(op.Line).Append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{start.ToString(System.Globalization.CultureInfo.InvariantCulture)},{count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
