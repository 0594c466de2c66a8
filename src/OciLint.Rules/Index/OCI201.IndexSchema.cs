using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI201" in schemas/.</summary>
public sealed class IndexSchema : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI201", "index/schema", "Index does not match the image index schema", Error, None)
    {
        Description = "index.json or a nested index does not have the shape image-index.schema.json requires, in a way no more specific rule covers.",
    };
}
