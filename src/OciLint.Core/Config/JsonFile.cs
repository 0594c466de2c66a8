using OciLint.Core.Json;

namespace OciLint.Core.Config;

/// <summary>
/// A JSON file the user wrote (config, baseline, rule file), parsed with positions so every complaint about it
/// can name its own line and column. Reading never throws anything but <see cref="ConfigFileException"/>.
/// </summary>
public sealed class JsonFile
{
    private readonly LineMap _lines;

    private JsonFile(string displayPath, string fullPath, byte[] bytes, JsonNode root)
    {
        DisplayPath = displayPath;
        FullPath = fullPath;
        Bytes = bytes;
        Root = root;
        _lines = new LineMap(bytes);
    }

    /// <summary>The path as messages show it (as given, or relative to the working directory).</summary>
    public string DisplayPath { get; }

    public string FullPath { get; }

    public byte[] Bytes { get; }

    public JsonNode Root { get; }

    public static JsonFile Read(string path, string? displayPath = null)
    {
        var full = Path.GetFullPath(path);
        var display = displayPath ?? path;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (FileNotFoundException)
        {
            throw new ConfigFileException(display, "no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new ConfigFileException(display, "no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ConfigFileException(display, Directory.Exists(full) ? "is a directory, not a file" : "permission denied");
        }
        catch (IOException e)
        {
            throw new ConfigFileException(display, $"cannot be read ({e.Message})");
        }

        return Parse(bytes, display, full);
    }

    public static JsonFile Parse(byte[] bytes, string displayPath, string? fullPath = null)
    {
        var lines = new LineMap(bytes);
        var result = JsonParser.Parse(bytes);

        // A byte order mark is what Windows editors write; it harms nobody in a file only OciLint reads.
        foreach (var problem in result.Problems.Where(p => p.Kind != JsonProblemKind.ByteOrderMark))
        {
            var (line, column) = lines.Position(problem.Offset);
            var text = problem.Kind switch
            {
                JsonProblemKind.Syntax => $"not valid JSON: {problem.Message}",
                JsonProblemKind.NotUtf8 => $"the file {problem.Message}",
                _ => problem.Message,
            };
            throw new ConfigFileException(displayPath, line, column, text);
        }

        return new JsonFile(displayPath, fullPath ?? Path.GetFullPath(displayPath), bytes, result.Root!);
    }

    public FilePosition PositionOf(JsonNode node)
    {
        var (line, column) = _lines.Position(node.Start);
        return new FilePosition(DisplayPath, line, column);
    }

    /// <summary>Position of a member's name (so "unknown member" points at the name, not its value).</summary>
    public FilePosition PositionOf(JsonMember member)
    {
        var (line, column) = _lines.Position(member.NameStart);
        return new FilePosition(DisplayPath, line, column);
    }

    public ConfigFileException Error(JsonNode node, string problem)
    {
        var position = PositionOf(node);
        return new ConfigFileException(DisplayPath, position.Line, position.Column, problem);
    }

    public ConfigFileException Error(JsonMember member, string problem)
    {
        var position = PositionOf(member);
        return new ConfigFileException(DisplayPath, position.Line, position.Column, problem);
    }

    /// <summary>A short rendering of a value for messages: strings quoted, containers named.</summary>
    public static string Show(JsonNode node) => node.Kind switch
    {
        JsonKind.String => "\"" + node.Text + "\"",
        JsonKind.Number => node.Text!,
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.True => "true",
        JsonKind.False => "false",
        _ => "null",
    };

    /// <summary>"did you mean" for a misspelt member name, or "".</summary>
    public static string Suggest(string name, IEnumerable<string> known)
    {
        var lower = name.ToLowerInvariant();
        var best = known
            .Select(k => (Name: k, Distance: Distance(lower, k.ToLowerInvariant())))
            .Where(k => k.Distance <= Math.Max(2, name.Length / 3) || (lower.Length >= 3 && k.Name.StartsWith(lower, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(k => k.Distance)
            .FirstOrDefault();
        return best.Name is not null ? $" (did you mean \"{best.Name}\"?)" : "";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
