using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>image-index.md: mediaType "SHOULD be used and remain compatible with earlier versions of this specification and with other similar external formats".</summary>
public sealed class IndexMediaTypeMissing : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI203", "index/media-type-missing", "mediaType missing on an index", Warning, Sometimes)
    {
        Description = "An image index (index.json or a nested index) without its own mediaType. A reader that looks at the document itself cannot tell an index from a manifest, the confusion behind CVE-2021-41190 for which the field was taken out of reserved status.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // A case variant ("MediaType") is OCI106's finding, with its own fix.
        if (!document.IsIndexLike || document.Root is not { IsObject: true } root || root.HasMember("mediaType", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var fix = document.Kind == DocumentKind.IndexJson
            ? new Fix($"add \"mediaType\": \"{MediaTypes.ImageIndex}\"", FixSafety.Safe, [MemberEdits.Insert(document, root, "mediaType", JsonEdits.Quote(MediaTypes.ImageIndex), after: "schemaVersion")])
            : null;
        var what = document.Kind == DocumentKind.IndexJson ? "index.json" : "this image index";
        context.Report(document, "/mediaType", $"{what} has no \"mediaType\": a reader that looks at the document itself cannot tell an index from a manifest (CVE-2021-41190); add \"{MediaTypes.ImageIndex}\"", fix);
    }
}
