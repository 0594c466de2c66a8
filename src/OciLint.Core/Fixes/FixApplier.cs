using System.Text;
using OciLint.Core.Findings;
using OciLint.Core.Json;

namespace OciLint.Core.Fixes;

/// <summary>What happened to one finding's fix in one pass.</summary>
public enum FixOutcome
{
    Applied,

    /// <summary>Its edits overlap an edit already taken in this pass: tried again on the next pass, against the new text.</summary>
    Deferred,

    /// <summary>It would write outside index.json/oci-layout/blobs, overwrite a file, or its edits are malformed: never applied.</summary>
    Refused,
}

public sealed record FixDecision(Finding Finding, Fix Fix, FixOutcome Outcome, string? Reason = null);

/// <summary>The state of one layout file as a pass sees it.</summary>
public readonly record struct FileState(bool Exists, byte[]? Content)
{
    public static FileState Absent => new(false, null);

    public static FileState Other => new(true, null);

    public static FileState Of(byte[] content) => new(true, content);

    public bool IsFile => Content is not null;
}

/// <summary>One pass: new contents of the files it changed, the folders it creates, and the fate of every candidate.</summary>
public sealed record FixPassResult(IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<string> CreatedDirectories, IReadOnlyList<FixDecision> Decisions)
{
    public bool ChangedAnything => Files.Count > 0 || CreatedDirectories.Count > 0;
}

/// <summary>
/// Applies fixes to file contents in memory. Edits are byte ranges of the file as the pass found it, so
/// everything outside them (member order, unknown members, formatting) is kept byte for byte. Fixes are
/// taken in order; one whose edits overlap an edit already taken waits for the next pass.
/// </summary>
public static class FixApplier
{
    /// <summary>The only files a fix may write: blobs are content-addressed and never touched.</summary>
    public static bool IsWritableFile(string file) => file is "index.json" or "oci-layout";

    public static bool IsCreatableDirectory(string path) => path is "blobs";

    public static FixPassResult ApplyPass(IEnumerable<Finding> candidates, Func<string, FileState> read)
    {
        // Every edit asks for its file: read each once per pass (index.json may be megabytes, fixes thousands).
        var states = new Dictionary<string, FileState>(StringComparer.Ordinal);
        FileState State(string path) => states.TryGetValue(path, out var known) ? known : states[path] = read(path);

        var taken = new Dictionary<string, List<TextReplacement>>(StringComparer.Ordinal);
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        var directories = new List<string>();
        var decisions = new List<FixDecision>();
        foreach (var finding in candidates)
        {
            if (finding.Fix is not { } fix)
            {
                continue;
            }

            var refusal = Refusal(fix, State);
            if (refusal is not null)
            {
                decisions.Add(new FixDecision(finding, fix, FixOutcome.Refused, refusal));
                continue;
            }

            if (Conflicts(fix, taken, created))
            {
                decisions.Add(new FixDecision(finding, fix, FixOutcome.Deferred, "overlaps another fix of this pass"));
                continue;
            }

            foreach (var edit in fix.Edits)
            {
                switch (edit)
                {
                    case TextReplacement replacement:
                        if (!taken.TryGetValue(replacement.File, out var list))
                        {
                            taken[replacement.File] = list = [];
                        }

                        // Kept sorted by start: accepted edits never overlap, so their ends are sorted too.
                        var at = list.BinarySearch(replacement, ByStart);
                        list.Insert(at < 0 ? ~at : at, replacement);
                        break;
                    case CreateFile file:
                        created[file.File] = file.Content;
                        break;
                    case CreateDirectory directory when !State(directory.File).Exists && !directories.Contains(directory.File, StringComparer.Ordinal):
                        directories.Add(directory.File);
                        break;
                }
            }

            decisions.Add(new FixDecision(finding, fix, FixOutcome.Applied));
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (file, edits) in taken)
        {
            var before = State(file).Content!;
            var after = Splice(before, edits);
            EnsureStillJson(file, before, after);
            files[file] = after;
        }

        foreach (var (file, content) in created)
        {
            files[file] = Encoding.UTF8.GetBytes(content);
        }

        return new FixPassResult(files, directories, decisions);
    }

    /// <summary>Applies non-overlapping replacements, given against <paramref name="original"/>, in one sweep.</summary>
    public static byte[] Splice(byte[] original, IEnumerable<TextReplacement> edits)
    {
        using var output = new MemoryStream(original.Length + 64);
        var position = 0;
        foreach (var edit in edits.OrderBy(e => e.StartOffset).ThenBy(e => e.Length))
        {
            output.Write(original, position, edit.StartOffset - position);
            output.Write(Encoding.UTF8.GetBytes(edit.NewText));
            position = edit.StartOffset + edit.Length;
        }

        output.Write(original, position, original.Length - position);
        return output.ToArray();
    }

    private static string? Refusal(Fix fix, Func<string, FileState> state)
    {
        if (fix.Edits.Count == 0)
        {
            return "the fix has no edits";
        }

        foreach (var edit in fix.Edits)
        {
            switch (edit)
            {
                case TextReplacement replacement:
                    if (!IsWritableFile(replacement.File))
                    {
                        return $"it would edit {replacement.File}; only index.json and oci-layout are ever written";
                    }

                    var current = state(replacement.File);
                    if (!current.IsFile)
                    {
                        return $"{replacement.File} is not a regular file";
                    }

                    if (replacement.StartOffset < 0 || replacement.Length < 0 || replacement.StartOffset + replacement.Length > current.Content!.Length)
                    {
                        return $"its edit lies outside {replacement.File}";
                    }

                    break;
                case CreateFile file:
                    if (!IsWritableFile(file.File))
                    {
                        return $"it would create {file.File}; only index.json and oci-layout are ever written";
                    }

                    if (state(file.File).Exists)
                    {
                        return $"{file.File} exists and a fix never overwrites a file";
                    }

                    break;
                case CreateDirectory directory:
                    if (!IsCreatableDirectory(directory.File))
                    {
                        return $"it would create the folder {directory.File}; only blobs/ is ever created";
                    }

                    if (state(directory.File) is { Exists: true, IsFile: true })
                    {
                        return $"{directory.File} exists and is a file";
                    }

                    break;
                default:
                    return $"unknown edit {edit.GetType().Name}";
            }
        }

        // A fix's own replacements must not overlap, and two insertions at one offset would have no defined order.
        foreach (var group in fix.Edits.OfType<TextReplacement>().GroupBy(e => e.File))
        {
            var sorted = group.OrderBy(e => e.StartOffset).ThenBy(e => e.Length).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                var previous = sorted[i - 1];
                if (sorted[i].StartOffset < previous.StartOffset + previous.Length || (sorted[i].StartOffset == previous.StartOffset && previous.Length == 0 && sorted[i].Length == 0))
                {
                    return "its own edits overlap";
                }
            }
        }

        return null;
    }

    private static bool Conflicts(Fix fix, Dictionary<string, List<TextReplacement>> taken, Dictionary<string, string> created)
    {
        foreach (var edit in fix.Edits)
        {
            switch (edit)
            {
                case TextReplacement replacement:
                    if (created.ContainsKey(replacement.File))
                    {
                        return true;
                    }

                    if (taken.TryGetValue(replacement.File, out var others) && Conflicts(others, replacement))
                    {
                        return true;
                    }

                    break;
                case CreateFile file when created.ContainsKey(file.File) || taken.ContainsKey(file.File):
                    return true;
            }
        }

        return false;
    }

    private static readonly Comparer<TextReplacement> ByStart = Comparer<TextReplacement>.Create((a, b) =>
        a.StartOffset != b.StartOffset ? a.StartOffset.CompareTo(b.StartOffset) : a.Length.CompareTo(b.Length));

    // Only the accepted edits just before the new one's end can reach it (thousands of fixes stay linear).
    private static bool Conflicts(List<TextReplacement> sorted, TextReplacement edit)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].StartOffset <= edit.StartOffset + edit.Length)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo - 1; i >= 0 && sorted[i].StartOffset + sorted[i].Length >= edit.StartOffset; i--)
        {
            if (Conflict(sorted[i], edit))
            {
                return true;
            }
        }

        return false;
    }

    // Edits of different fixes conflict when their ranges share a byte, or when both insert at one offset
    // (which text goes first would be arbitrary). Ranges that only abut are fine: removing ", e1" and ", e2"
    // of "[e0, e1, e2]" in one pass gives "[e0]", so a run of N copies goes in one pass, not log2(N).
    private static bool Conflict(TextReplacement a, TextReplacement b) =>
        (a.StartOffset < b.StartOffset + b.Length && b.StartOffset < a.StartOffset + a.Length)
        || (a.Length == 0 && b.Length == 0 && a.StartOffset == b.StartOffset);

    // A guard against a faulty fix: a file that parsed before must still parse after, or nothing is written.
    private static void EnsureStillJson(string file, byte[] before, byte[] after)
    {
        if (JsonParser.Parse(before).Root is not null && JsonParser.Parse(after).Root is null)
        {
            throw new InvalidOperationException($"the fixes for {file} would make it invalid JSON; nothing was written");
        }
    }
}
