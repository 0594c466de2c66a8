using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI502" in schemas/.</summary>
public sealed class ManifestSchemaVersion : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI502", "manifest/schema-version", "Manifest schemaVersion missing or not 2", Error, None)
    {
        Description = "An image manifest MUST carry schemaVersion 2, for backward compatibility with older versions of Docker.",
    };
}
