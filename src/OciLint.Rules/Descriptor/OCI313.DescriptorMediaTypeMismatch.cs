using OciLint.Rules.Support;

namespace OciLint.Rules.Descriptor;

/// <summary>media-types.md#media-type-conflicts: a descriptor's mediaType and the mediaType of the document it points at differ.</summary>
public sealed class DescriptorMediaTypeMismatch : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI313", "descriptor/media-type-mismatch", "Descriptor mediaType disagrees with the target document", Error, Sometimes)
    {
        Description = "The descriptor says one media type, the manifest or index it points at declares another. An index described as a manifest (or the reverse) is the CVE-2021-41190 confusion and an error: skopeo rejects it (\"rejecting ambiguous manifest\"). Other differences (OCI vs Docker types) are warnings.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.MediaType is not { } declared
            || descriptor.Node.Get("mediaType") is not { } node
            || descriptor.Target is not { Kind: DocumentKind.Index or DocumentKind.Manifest, Root: { IsObject: true } root } target
            || root.GetString("mediaType") is not { } actual
            || declared == actual)
        {
            return;
        }

        // Validated under this descriptor's type, the target's own mediaType already fails the schema (OCI204, OCI504).
        if (ReferenceEquals(target.Parent, descriptor) && LayoutFacts.SchemaReports(target, "/mediaType"))
        {
            return;
        }

        var confusion = MediaTypes.IsIndex(declared) != MediaTypes.IsIndex(actual) && (MediaTypes.IsIndex(actual) || MediaTypes.IsManifest(actual));
        var document = descriptor.Owner;
        var fix = document.Kind == DocumentKind.IndexJson && LayoutFacts.Verifies(target)
            ? new Fix($"set mediaType to \"{actual}\", the target's own type", FixSafety.Safe, [JsonEdits.ReplaceValue(document, node, JsonEdits.Quote(actual))])
            : null;
        var consequence = confusion
            ? "an index read as a manifest (or the reverse) is the CVE-2021-41190 confusion; skopeo rejects it (\"rejecting ambiguous manifest\")"
            : "consumers parse it by the descriptor's type (media-types.md) and may warn or fail";
        context.Report(document, node, $"mediaType is \"{declared}\" but the document it points at ({Text.Short(descriptor.Digest)}) declares \"{actual}\": {consequence}", fix, confusion ? null : LayoutFacts.Milder(context, Warning));
    }
}
