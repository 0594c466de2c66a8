using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI202" in schemas/.</summary>
public sealed class IndexSchemaVersion : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI202", "index/schema-version", "schemaVersion missing or not 2", Error, None)
    {
        Description = "This REQUIRED property specifies the image manifest schema version. For this version of the specification, this MUST be 2 to ensure backward compatibility with older versions of Docker.",
    };
}
