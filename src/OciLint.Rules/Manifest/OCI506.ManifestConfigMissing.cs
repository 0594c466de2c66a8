using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI506" in schemas/.</summary>
public sealed class ManifestConfigMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI506", "manifest/config-missing", "Manifest config missing or not a descriptor", Error, None)
    {
        Description = "An image manifest MUST reference its configuration object by a descriptor in config.",
    };
}
