using OciLint.Rules.Schema;

namespace OciLint.Rules.Layout;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI005" in schemas/.</summary>
public sealed class ImageLayoutVersionMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI005", "layout/image-layout-version-missing", "imageLayoutVersion missing or not a string", Error, Sometimes)
    {
        Description = "The oci-layout file MUST contain an imageLayoutVersion field (a string).",
    };
}
