using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI202" in schemas/.</summary>
public sealed class IndexSchemaVersion : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI202", "index/schema-version", "Index schemaVersion missing or not 2", Error, Sometimes)
    {
        Description = "An image index MUST carry schemaVersion 2, for backward compatibility with older versions of Docker.",
    };

    // Only a missing member in index.json: another value (1, "2") may mean another format.
    protected override Fix? FixFor(JsonDocumentModel document, SchemaError error) =>
        SchemaFixes.AddMissing(document, error, "schemaVersion", "2");
}
