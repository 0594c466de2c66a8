using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI205" in schemas/.</summary>
public sealed class IndexManifestsMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI205", "index/manifests-missing", "manifests missing or not an array", Error, None)
    {
        Description = "This REQUIRED property contains a list of manifests for specific platforms. While this property MUST be present, the size of the array MAY be zero.",
    };
}
