using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI601" in schemas/.</summary>
public sealed class ConfigSchema : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI601", "config/schema", "Image config does not match the config schema", Error, None)
    {
        Description = "An image config (application/vnd.oci.image.config.v1+json) does not have the shape image-config.schema.json requires, in a way no more specific rule covers.",
    };
}
