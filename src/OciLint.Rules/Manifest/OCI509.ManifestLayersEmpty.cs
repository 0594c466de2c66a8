using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI509" in schemas/.</summary>
public sealed class ManifestLayersEmpty : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI509", "manifest/layers-empty", "Manifest layers is empty", Warning, None)
    {
        Description = "For portability, layers SHOULD have at least one entry.",
    };
}
