using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI501" in schemas/.</summary>
public sealed class ManifestSchema : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI501", "manifest/schema", "Manifest does not match the image manifest schema", Error, None)
    {
        Description = "An image manifest (a blob reached through a descriptor declaring application/vnd.oci.image.manifest.v1+json) does not have the shape image-manifest.schema.json requires, in a way no more specific rule covers.",
    };
}
