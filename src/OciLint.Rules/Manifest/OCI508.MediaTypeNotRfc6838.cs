using OciLint.Rules.Index;
using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: a config or layer media type outside the listed ones "MUST comply with RFC 6838, including the naming requirements in its section 4.2".</summary>
public sealed class MediaTypeNotRfc6838 : Rule
{
    // RFC 6838 section 4.2: "The 'type' name ... MUST ... be one of the top-level types"; new ones need a standards-track RFC.
    private static readonly HashSet<string> TopLevelTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application", "audio", "example", "font", "haptics", "image", "message", "model", "multipart", "text", "video",
    };

    public override RuleMetadata Metadata { get; } = new("OCI508", "manifest/media-type-not-rfc6838", "config, layer or artifact media type breaks RFC 6838 naming", Error, None)
    {
        Description = "A manifest's config.mediaType, a layers[].mediaType or artifactType uses a top-level type RFC 6838 does not register (\"vnd.example/config\", \"oci/layer\"), or, in a Docker manifest the schemas do not check, breaks the RFC 6838 character rules.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Manifest || document.Root is not { IsObject: true } root)
        {
            return;
        }

        Check(document, root.Get("artifactType"), "artifactType", context);
        foreach (var descriptor in document.Descriptors.Where(d => d.Role is DescriptorRole.Config or DescriptorRole.Layer))
        {
            var what = descriptor.Role == DescriptorRole.Config ? "config.mediaType" : $"layers[{descriptor.Position}].mediaType";
            Check(document, descriptor.Node.Get("mediaType"), what, context);
        }
    }

    private static void Check(JsonDocumentModel document, JsonNode? node, string what, RuleContext context)
    {
        if (node is not { IsString: true, Text: { } value })
        {
            return;
        }

        if (!MediaTypeGrammar.IsMatch(value))
        {
            // In schema-checked manifests the character rules are OCI302/OCI515's; Docker manifests are not schema-checked.
            if (SchemaCatalog.For(document) is null)
            {
                context.Report(document, node, $"{what} \"{value}\" is not an RFC 6838 media type (type/subtype of letters, digits and !#$&^_.+-, no parameters or spaces)");
            }

            return;
        }

        var type = value[..value.IndexOf('/', StringComparison.Ordinal)];
        if (!TopLevelTypes.Contains(type))
        {
            context.Report(document, node, $"{what} \"{value}\" uses the top-level type \"{type}\", which RFC 6838 does not register (application, audio, font, image, text, …): vendor types belong under application/vnd.*");
        }
    }
}
