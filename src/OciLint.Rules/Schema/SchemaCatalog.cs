using System.Collections.Concurrent;
using NJsonSchema;

namespace OciLint.Rules.Schema;

/// <summary>
/// The embedded schemas of schemas/, compiled on first use only: a run that never meets a config never
/// pays for the config schema. Nothing is ever fetched: the schemas are self-contained.
/// </summary>
public static class SchemaCatalog
{
    public const string OciLayout = "oci-layout.schema.json";
    public const string ImageIndex = "image-index.schema.json";
    public const string ImageManifest = "image-manifest.schema.json";
    public const string ImageConfig = "image-config.schema.json";
    public const string Descriptor = "content-descriptor.schema.json";

    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Cache = new(StringComparer.Ordinal);

    public static JsonSchema Get(string name) => Cache.GetOrAdd(name, n => new Lazy<JsonSchema>(() => Load(n))).Value;

    public static string Text(string name)
    {
        using var stream = typeof(SchemaCatalog).Assembly.GetManifestResourceStream("OciLint.Schemas." + name)
            ?? throw new InvalidOperationException($"schema {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Which schema a document is judged by, from the media type its parent declared; null when none applies (Docker types, unknown).</summary>
    public static string? For(JsonDocumentModel document) => document.Kind switch
    {
        DocumentKind.OciLayout => OciLayout,
        DocumentKind.IndexJson => ImageIndex,
        DocumentKind.Index when document.DeclaredMediaType == MediaTypes.ImageIndex => ImageIndex,
        DocumentKind.Manifest when document.DeclaredMediaType == MediaTypes.ImageManifest => ImageManifest,
        DocumentKind.Config when document.DeclaredMediaType == MediaTypes.ImageConfig => ImageConfig,
        _ => null,
    };

    // Built with System.Text.Json rather than JsonSchema.FromJsonAsync, whose Newtonsoft reflection costs ~0.2 s at
    // start-up; SchemaBuilderTests hold the two to the same object graph and the same validation errors.
    private static JsonSchema Load(string name) => SchemaBuilder.Build(Text(name));
}
