using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI204" in schemas/.</summary>
public sealed class IndexMediaType : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI204", "index/media-type", "Index mediaType is not the OCI image index type", Error, None)
    {
        Description = "When an image index carries mediaType, it MUST be application/vnd.oci.image.index.v1+json; the Docker manifest-list type does not belong in index.json.",
    };
}
