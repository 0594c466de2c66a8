using System.Text;
using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

internal static class PlatformJson
{
    public static readonly string[] Fields = ["architecture", "os", "os.version", "os.features", "variant"];

    /// <summary>The platform object a config describes, as compact JSON; null when the config lacks os or architecture.</summary>
    public static string? FromConfig(JsonDocumentModel config)
    {
        if (config.Root is not { IsObject: true } root || root.GetString("architecture") is null || root.GetString("os") is null)
        {
            return null;
        }

        var builder = new StringBuilder("{");
        foreach (var field in Fields)
        {
            var value = root.Get(field);
            var json = value switch
            {
                { IsString: true } => JsonEdits.Quote(value.Text!),
                { IsArray: true } when value.Items.All(i => i.IsString) && value.Items.Count > 0 => "[" + string.Join(",", value.Items.Select(i => JsonEdits.Quote(i.Text!))) + "]",
                _ => null,
            };
            if (json is not null)
            {
                builder.Append(builder.Length > 1 ? "," : "").Append(JsonEdits.Quote(field)).Append(':').Append(json);
            }
        }

        return builder.Append('}').ToString();
    }

    /// <summary>The config behind an index.json entry, when the entry's manifest and its config both hash to their digests.</summary>
    public static JsonDocumentModel? VerifiedConfig(DescriptorModel entry) =>
        entry.Target is { Kind: DocumentKind.Manifest } manifest && LayoutFacts.Verifies(manifest) && LayoutFacts.ConfigOf(manifest) is { } config && LayoutFacts.Verifies(config)
            ? config
            : null;
}
