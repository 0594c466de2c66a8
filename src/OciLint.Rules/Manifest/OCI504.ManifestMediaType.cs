using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI504" in schemas/.</summary>
public sealed class ManifestMediaType : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI504", "manifest/media-type", "Manifest mediaType is not the OCI image manifest type", Error, None)
    {
        Description = "When an image manifest carries mediaType, it MUST be application/vnd.oci.image.manifest.v1+json.",
    };
}
