namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: mediaType "SHOULD be used and remain compatible with earlier versions of this specification".</summary>
public sealed class ManifestMediaTypeMissing : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI503", "manifest/media-type-missing", "Manifest has no mediaType member", Warning, None)
    {
        Description = "An image manifest without its own mediaType member. Without it a reader can tell a manifest from an index only by its shape (the confusion behind CVE-2021-41190), and registries and clients that sniff content guess the type.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // null or a wrong type is OCI504's (schema).
        if (document.Kind != DocumentKind.Manifest || document.Root is not { IsObject: true } root || root.Get("mediaType") is not null)
        {
            return;
        }

        var type = document.DeclaredMediaType ?? MediaTypes.ImageManifest;
        context.Report(
            document,
            "/mediaType",
            $"the manifest has no mediaType member (its descriptor declares {type}): a reader without the descriptor must guess manifest or index from the content, as containers-image does; write \"mediaType\": \"{type}\" when the manifest is next rebuilt");
    }
}
