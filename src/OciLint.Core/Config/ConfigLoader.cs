using System.Globalization;
using System.Text.RegularExpressions;
using OciLint.Core.Findings;
using OciLint.Core.Json;

namespace OciLint.Core.Config;

/// <summary>
/// Finds and reads <c>.ocilint.json</c>. The checks here mirror schemas/ocilint-config.schema.json (which editors
/// use to complete the file) and fail on the first problem with the file's own line and column.
/// </summary>
public static partial class ConfigLoader
{
    public static readonly IReadOnlyList<string> Levels = ["off", "note", "warning", "error"];

    public static readonly IReadOnlyList<string> FailOnLevels = ["error", "warning", "note", "never"];

    public static readonly IReadOnlyList<string> Profiles = ["any", "skopeo", "crane", "umoci", "containerd", "docker"];

    private static readonly string[] Members = ["$schema", "rules", "failOn", "targets", "ruleDirectories", "plugins", "ignore"];

    private static readonly string[] IgnoreMembers = ["rule", "path", "digest", "pointer", "reason", "expires"];

    /// <summary>The nearest <c>.ocilint.json</c> in <paramref name="start"/> or a folder above it; null when there is none.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, OciLintConfig.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static OciLintConfig Load(string path, string? displayPath = null)
    {
        var file = JsonFile.Read(path, displayPath);
        var root = file.Root;
        if (!root.IsObject)
        {
            throw file.Error(root, $"the configuration must be a JSON object, found {JsonFile.Show(root)}");
        }

        var folder = Path.GetDirectoryName(file.FullPath)!;
        var rules = new List<RuleSetting>();
        var ruleDirectories = new List<ConfigPath>();
        var plugins = new List<ConfigPath>();
        var ignore = new List<IgnoreEntry>();
        string? failOn = null;
        List<string>? targets = null;
        foreach (var member in root.Members)
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "$schema":
                    String(file, member.Name, value);
                    break;
                case "rules":
                    rules.AddRange(ReadRules(file, value));
                    break;
                case "failOn":
                    failOn = OneOf(file, member.Name, value, FailOnLevels);
                    break;
                case "targets":
                    targets = [.. Array(file, member.Name, value).Select(item => OneOf(file, "targets[]", item, Profiles))];
                    break;
                case "ruleDirectories":
                    ruleDirectories.AddRange(Paths(file, member.Name, value, folder));
                    break;
                case "plugins":
                    plugins.AddRange(Paths(file, member.Name, value, folder));
                    break;
                case "ignore":
                    ignore.AddRange(Array(file, member.Name, value).Select(item => ReadIgnore(file, item)));
                    break;
                default:
                    throw file.Error(member, $"unknown member \"{member.Name}\"{JsonFile.Suggest(member.Name, Members)}; expected one of: {string.Join(", ", Members.Skip(1))}");
            }
        }

        return new OciLintConfig
        {
            DisplayPath = file.DisplayPath,
            FullPath = file.FullPath,
            Rules = rules,
            FailOn = failOn,
            Targets = targets,
            RuleDirectories = ruleDirectories,
            Plugins = plugins,
            Ignore = ignore,
        };
    }

    private static IEnumerable<RuleSetting> ReadRules(JsonFile file, JsonNode value)
    {
        if (!value.IsObject)
        {
            throw file.Error(value, $"\"rules\" must be an object mapping a rule id, name or family (\"index/*\") to off, note, warning or error; found {JsonFile.Show(value)}");
        }

        foreach (var member in value.Members)
        {
            if (member.Name.Trim().Length == 0)
            {
                throw file.Error(member, "\"rules\": an empty rule selector");
            }

            var level = OneOf(file, $"rules.{member.Name}", member.Value, Levels);
            SeverityNames.TryParse(level, out var severity);
            yield return new RuleSetting(member.Name, severity, file.PositionOf(member));
        }
    }

    private static IgnoreEntry ReadIgnore(JsonFile file, JsonNode item)
    {
        if (!item.IsObject)
        {
            throw file.Error(item, $"an \"ignore\" entry must be an object with \"rule\" and \"reason\", found {JsonFile.Show(item)}");
        }

        foreach (var member in item.Members.Where(m => !IgnoreMembers.Contains(m.Name)))
        {
            throw file.Error(member, $"unknown member \"{member.Name}\" in an \"ignore\" entry{JsonFile.Suggest(member.Name, IgnoreMembers)}; expected: {string.Join(", ", IgnoreMembers)}");
        }

        var rule = item.Get("rule") is { } r ? NonEmpty(file, "ignore[].rule", r) : throw file.Error(item, "an \"ignore\" entry needs \"rule\" (an id, name or family such as \"index/*\")");
        var reason = item.Get("reason") is { } why ? NonEmpty(file, "ignore[].reason", why) : throw file.Error(item, $"the \"ignore\" entry for {rule} needs a \"reason\": say why the finding is accepted, so the next reader can judge it");
        var pointer = item.Get("pointer") is { } p ? String(file, "ignore[].pointer", p) : null;
        if (pointer is not null && pointer.Length > 0 && pointer[0] != '/')
        {
            throw file.Error(item.Get("pointer")!, $"\"pointer\" must be a JSON Pointer such as \"/manifests/1\", found \"{pointer}\"");
        }

        var digest = item.Get("digest") is { } d ? NonEmpty(file, "ignore[].digest", d) : null;
        if (digest is not null && !DigestPattern().IsMatch(digest))
        {
            throw file.Error(item.Get("digest")!, $"\"digest\" must look like sha256:<hex>, found \"{digest}\"");
        }

        DateOnly? expires = null;
        if (item.Get("expires") is { } e)
        {
            var text = String(file, "ignore[].expires", e);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw file.Error(e, $"\"expires\" must be a date written YYYY-MM-DD, found \"{text}\"");
            }

            expires = date;
        }

        return new IgnoreEntry(rule, reason, file.PositionOf(item))
        {
            Path = item.Get("path") is { } path ? NonEmpty(file, "ignore[].path", path) : null,
            Digest = digest,
            Pointer = pointer,
            Expires = expires,
        };
    }

    private static IEnumerable<ConfigPath> Paths(JsonFile file, string name, JsonNode value, string folder) =>
        Array(file, name, value).Select(item => new ConfigPath(Path.GetFullPath(NonEmpty(file, name + "[]", item), folder), item.Text!, file.PositionOf(item))).ToList();

    private static IReadOnlyList<JsonNode> Array(JsonFile file, string name, JsonNode value) =>
        value.IsArray ? value.Items : throw file.Error(value, $"\"{name}\" must be an array, found {JsonFile.Show(value)}");

    private static string String(JsonFile file, string name, JsonNode value) =>
        value.IsString ? value.Text! : throw file.Error(value, $"\"{name}\" must be a string, found {JsonFile.Show(value)}");

    private static string NonEmpty(JsonFile file, string name, JsonNode value)
    {
        var text = String(file, name, value);
        return text.Trim().Length > 0 ? text : throw file.Error(value, $"\"{name}\" must not be empty");
    }

    private static string OneOf(JsonFile file, string name, JsonNode value, IReadOnlyList<string> allowed)
    {
        if (value.IsString && allowed.Contains(value.Text!))
        {
            return value.Text!;
        }

        var found = JsonFile.Show(value);
        var hint = value.IsString ? JsonFile.Suggest(value.Text!, allowed) : "";
        throw file.Error(value, $"\"{name}\" must be one of {string.Join(", ", allowed)}; found {found}{hint}");
    }

    [GeneratedRegex("^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();
}
