using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI502" in schemas/.</summary>
public sealed class ManifestSchemaVersion : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI502", "manifest/schema-version", "schemaVersion not 2", Error, None)
    {
        Description = "For this version of the specification, this MUST be 2 to ensure backward compatibility with older versions of Docker.",
    };
}
