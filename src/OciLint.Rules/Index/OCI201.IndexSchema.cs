using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI201" in schemas/.</summary>
public sealed class IndexSchema : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI201", "index/schema", "index.json / nested index fails image-index-schema.json (aggregate; map sub-failures to the rules below)", Error, None)
    {
        Description = "It MUST be an image index JSON object",
    };
}
