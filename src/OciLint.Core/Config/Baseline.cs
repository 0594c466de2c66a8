using System.Text.Json;
using OciLint.Core.Engine;

namespace OciLint.Core.Config;

/// <summary>One accepted finding: which layout, and the finding's fingerprint (rule id + digest or file + JSON Pointer).</summary>
public sealed record BaselineEntry(string Target, string Rule, string Fingerprint)
{
    /// <summary>Informational, for the reader of the file: where the finding was and what it said.</summary>
    public string File { get; init; } = "";

    public string? Pointer { get; init; }

    public string? Digest { get; init; }

    public string Message { get; init; } = "";

    public override string ToString() => $"{Target}: {Rule} {(File.Length == 0 ? "(layout)" : File)}{(string.IsNullOrEmpty(Pointer) ? "" : "#" + Pointer)}";
}

/// <summary>
/// The findings a team has accepted, recorded by <c>--write-baseline</c> and applied by <c>--baseline</c>. Entries are
/// keyed by the layout (relative to the baseline file's folder) and the finding's fingerprint, which has no line
/// numbers in it, so reformatting <c>index.json</c> keeps every entry matching.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    private readonly HashSet<(string Target, string Fingerprint)> _keys;

    public Baseline(string fullPath, string displayPath, IReadOnlyList<BaselineEntry> entries)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        Entries = entries;
        _keys = [.. entries.Select(e => (e.Target, e.Fingerprint))];
    }

    public string FullPath { get; }

    public string DisplayPath { get; }

    public string Directory => Path.GetDirectoryName(FullPath)!;

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public bool Contains(string target, string fingerprint) => _keys.Contains((target, fingerprint));

    /// <summary>The layout as a baseline key: its path relative to the baseline's folder, '/'-separated.</summary>
    public string KeyOf(string target) => Relative(target, Directory);

    /// <summary>A path relative to a folder, '/'-separated, "." for the folder itself.</summary>
    public static string Relative(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, Path.GetFullPath(path));
        relative = relative.Replace('\\', '/');
        return relative.Length == 0 ? "." : relative;
    }

    public static Baseline Read(string path, string? displayPath = null)
    {
        var file = JsonFile.Read(path, displayPath);
        var root = file.Root;
        if (!root.IsObject || root.Get("findings") is not { } findings)
        {
            throw file.Error(root, "not an OciLint baseline: expected an object with \"version\" and \"findings\" (write one with --write-baseline)");
        }

        if (root.Get("version") is not { } version || !version.TryGetInt64(out var v) || v != FormatVersion)
        {
            throw file.Error(root.Get("version") ?? root, $"unsupported baseline version (this OciLint reads version {FormatVersion}); rewrite it with --write-baseline");
        }

        if (!findings.IsArray)
        {
            throw file.Error(findings, $"\"findings\" must be an array, found {JsonFile.Show(findings)}");
        }

        var entries = new List<BaselineEntry>();
        foreach (var item in findings.Items)
        {
            var target = item.GetString("target");
            var rule = item.GetString("rule");
            var fingerprint = item.GetString("fingerprint");
            if (!item.IsObject || target is null || rule is null || fingerprint is null)
            {
                throw file.Error(item, "a baseline entry needs the strings \"target\", \"rule\" and \"fingerprint\"");
            }

            entries.Add(new BaselineEntry(target, rule, fingerprint)
            {
                File = item.GetString("file") ?? "",
                Pointer = item.GetString("pointer"),
                Digest = item.GetString("digest"),
                Message = item.GetString("message") ?? "",
            });
        }

        return new Baseline(file.FullPath, file.DisplayPath, entries);
    }

    /// <summary>
    /// The baseline for the findings of <paramref name="results"/> that nothing else suppresses, keeping the entries of
    /// <paramref name="previous"/> for layouts this run did not check.
    /// </summary>
    public static Baseline Record(string path, IEnumerable<LintResult> results, Baseline? previous, string? displayPath = null)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var entries = new List<BaselineEntry>();
        var checkedTargets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var target = Relative(result.Target, folder);
            checkedTargets.Add(target);
            foreach (var finding in result.Findings.Where(f => f.SuppressedBy is null))
            {
                entries.Add(new BaselineEntry(target, finding.RuleId, finding.Fingerprint)
                {
                    File = finding.Location.File,
                    Pointer = finding.Location.Pointer,
                    Digest = finding.Digest,
                    Message = finding.Message,
                });
            }
        }

        if (previous is not null)
        {
            entries.AddRange(previous.Entries.Where(e => !checkedTargets.Contains(e.Target)));
        }

        var ordered = entries
            .DistinctBy(e => (e.Target, e.Fingerprint))
            .OrderBy(e => e.Target, StringComparer.Ordinal)
            .ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Pointer, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList();
        return new Baseline(full, displayPath ?? path, ordered);
    }

    /// <summary>Writes the file through a temporary sibling and a rename; sorted, no timestamps, so it diffs well.</summary>
    public void Write()
    {
        var temp = Path.Combine(Directory, $".{Path.GetFileName(FullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    json.WriteStartObject();
                    json.WriteNumber("version", FormatVersion);
                    json.WriteString("comment", "Findings accepted with 'ocilint check --write-baseline'; applied with --baseline. Keyed by layout and fingerprint.");
                    json.WriteStartArray("findings");
                    foreach (var entry in Entries)
                    {
                        json.WriteStartObject();
                        json.WriteString("target", entry.Target);
                        json.WriteString("rule", entry.Rule);
                        json.WriteString("fingerprint", entry.Fingerprint);
                        json.WriteString("file", entry.File);
                        WriteOptional(json, "pointer", entry.Pointer);
                        WriteOptional(json, "digest", entry.Digest);
                        json.WriteString("message", entry.Message);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                stream.Write("\n"u8);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, FullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigFileException(DisplayPath, $"cannot write the baseline ({e.Message})", e);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
