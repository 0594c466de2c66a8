using System.Formats.Tar;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciLint.Tests.Support;

/// <summary>
/// One rule fixture: tests/fixtures/rules/&lt;ID&gt;/&lt;valid|invalid&gt;-&lt;name&gt;/ with a fixture.json and the
/// files that differ from a base layout under layout/. Materialised into a real temporary folder (and tar).
/// </summary>
public sealed class Fixture
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public required string RuleId { get; init; }

    public required string Name { get; init; }

    public required string Folder { get; init; }

    public required FixtureSpec Spec { get; init; }

    public bool IsValid => Name.StartsWith("valid", StringComparison.Ordinal);

    /// <summary>fixed/: index.json and oci-layout as they must be after the rule's fixes (safe, unsafe, and suggestions given <see cref="FixtureSpec.FixInputs"/>).</summary>
    public string FixedFolder => Path.Combine(Folder, "fixed");

    public bool HasFixed => Directory.Exists(FixedFolder);

    public override string ToString() => $"{RuleId}/{Name}";

    public static IEnumerable<Fixture> All()
    {
        var root = Path.Combine(RepoPaths.Fixtures, "rules");
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var ruleDir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (var dir in Directory.GetDirectories(ruleDir).Order(StringComparer.Ordinal))
            {
                yield return Load(dir);
            }
        }
    }

    public static Fixture Load(string dir)
    {
        var specPath = Path.Combine(dir, "fixture.json");
        var spec = File.Exists(specPath) ? JsonSerializer.Deserialize<FixtureSpec>(File.ReadAllText(specPath), Options)! : new FixtureSpec();
        return new Fixture { RuleId = Path.GetFileName(Path.GetDirectoryName(dir)!), Name = Path.GetFileName(dir), Folder = dir, Spec = spec };
    }

    /// <summary>Copies the base layout and the overlay into <paramref name="target"/>, then applies deletions.</summary>
    public void MaterializeInto(string target)
    {
        if (Spec.Base is { Length: > 0 } baseName)
        {
            CopyTree(Path.Combine(RepoPaths.Fixtures, "base", baseName), target);
        }

        var overlay = Path.Combine(Folder, "layout");
        if (Directory.Exists(overlay))
        {
            CopyTree(overlay, target);
        }

        foreach (var path in Spec.Delete)
        {
            var full = Path.Combine(target, path);
            if (Directory.Exists(full))
            {
                Directory.Delete(full, true);
            }
            else if (File.Exists(full))
            {
                File.Delete(full);
            }
        }
    }

    /// <summary>Writes the materialised folder as a tar (plain, or gzip when asked), members sorted, no "./" prefix (as buildx writes).</summary>
    public static void WriteTar(string folder, string tarPath, bool gzip = false)
    {
        using var file = File.Create(tarPath);
        using Stream stream = gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest) : file;
        using var writer = new TarWriter(stream, TarEntryFormat.Pax);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, entry).Replace('\\', '/');
            if (Directory.Exists(entry))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name + "/"));
            }
            else
            {
                writer.WriteEntry(entry, name);
            }
        }
    }

    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}

public sealed class FixtureSpec
{
    public string Description { get; set; } = "";

    /// <summary>Base layout under tests/fixtures/base/ ("image" by default; "" for none).</summary>
    public string Base { get; set; } = "image";

    public List<string> Delete { get; set; } = [];

    /// <summary>Layout files that reading must fail on with "permission denied" (see Lint.UnreadableSource).</summary>
    public List<string> Unreadable { get; set; } = [];

    /// <summary>A file of the fixture folder to check as it is (e.g. a broken tar) instead of a materialised layout.</summary>
    public string? Input { get; set; }

    public List<ExpectedFinding> Expect { get; set; } = [];

    /// <summary>Values for suggestion fixes and choices when fixed/ is checked (e.g. "ref-name", "keep-ref").</summary>
    public Dictionary<string, string> FixInputs { get; set; } = [];

    /// <summary>Consumer profiles for the run (--target).</summary>
    public List<string> Targets { get; set; } = [];

    /// <summary>Run with --deep (decompress layers).</summary>
    public bool Deep { get; set; }

    /// <summary>Also check the tar of the layout gives the same findings (off for folder-only shapes such as symlinks).</summary>
    [JsonPropertyName("tar")]
    public bool Tar { get; set; } = true;
}

public sealed record ExpectedFinding(string Rule, string? Pointer, string? File = null);
