using OciLint.Core.Layout;

namespace OciLint.Rules.Layout;

/// <summary>Member names written two ways, or files whose parent folders have no member: legal, but readers differ.</summary>
public sealed class InconsistentTarNames : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI017", "archive/inconsistent-names", "Tar: mixed ./ prefixes or missing directory entries", Note, None)
    {
        Description = "Some member names start with \"./\" and others do not, or files appear without members for their parent directories. Tools that look members up by exact name or walk the directory members can miss entries.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        if (layout.Source.Kind == SourceKind.Directory)
        {
            return;
        }

        var entries = layout.Source.Entries;
        var dotted = entries.Count(e => e.RawName.StartsWith("./", StringComparison.Ordinal));
        if (dotted > 0 && dotted < entries.Count)
        {
            var example = entries.First(e => !e.RawName.StartsWith("./", StringComparison.Ordinal));
            context.Report(Location.ForFile(""), $"{dotted} of {entries.Count} member names start with \"./\" and the others do not (e.g. \"{example.RawName}\"): tools that look members up by exact name can miss some");
        }

        var directories = entries.Where(e => e.Kind == EntryKind.Directory).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var missing = entries
            .SelectMany(e => Parents(e.Path))
            .Where(p => !directories.Contains(p))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
        {
            context.Report(Location.ForFile(""), $"{Support.Text.Plural(missing.Count, "directory has", "directories have")} no member of its own ({string.Join(", ", missing.Take(3).Select(m => $"\"{m}/\""))}{(missing.Count > 3 ? ", …" : "")}): tools that walk directory members can miss the files inside");
        }
    }

    private static IEnumerable<string> Parents(string path)
    {
        for (var cut = path.LastIndexOf('/'); cut > 0; cut = path.LastIndexOf('/', cut - 1))
        {
            yield return path[..cut];
        }
    }
}
