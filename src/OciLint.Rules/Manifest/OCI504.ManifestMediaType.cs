using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI504" in schemas/.</summary>
public sealed class ManifestMediaType : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI504", "manifest/media-type", "mediaType present but not application/vnd.oci.image.manifest.v1+json (and not a Docker type declared as such)", Error, None)
    {
        Description = "When used, this field MUST contain the media type application/vnd.oci.image.manifest.v1+json.",
    };
}
