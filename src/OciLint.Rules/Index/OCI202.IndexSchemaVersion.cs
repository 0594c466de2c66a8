using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI202" in schemas/.</summary>
public sealed class IndexSchemaVersion : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI202", "index/schema-version", "Index schemaVersion missing or not 2", Error, None)
    {
        Description = "An image index MUST carry schemaVersion 2, for backward compatibility with older versions of Docker.",
    };
}
