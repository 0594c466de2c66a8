using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI205" in schemas/.</summary>
public sealed class IndexManifestsMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI205", "index/manifests-missing", "Index manifests missing or not an array", Error, None)
    {
        Description = "An image index MUST carry manifests, an array (which MAY be empty).",
    };
}
