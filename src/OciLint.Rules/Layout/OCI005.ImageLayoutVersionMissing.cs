using OciLint.Rules.Schema;

namespace OciLint.Rules.Layout;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI005" in schemas/.</summary>
public sealed class ImageLayoutVersionMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI005", "layout/image-layout-version-missing", "imageLayoutVersion missing or not a string", Error, Sometimes)
    {
        Description = "The oci-layout file MUST contain an imageLayoutVersion field (a string).",
    };

    // Only a missing member: a value of the wrong type may mean something to its writer.
    protected override Fix? FixFor(JsonDocumentModel document, SchemaError error) =>
        SchemaFixes.AddMissing(document, error, "imageLayoutVersion", "\"1.0.0\"");
}
