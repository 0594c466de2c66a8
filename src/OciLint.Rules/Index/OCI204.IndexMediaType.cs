using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI204" in schemas/.</summary>
public sealed class IndexMediaType : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI204", "index/media-type", "mediaType present but not application/vnd.oci.image.index.v1+json (e.g. the Docker list type in index.json)", Error, None)
    {
        Description = "When used, this field MUST contain the media type application/vnd.oci.image.index.v1+json.",
    };
}
