using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI207" in schemas/.</summary>
public sealed class ManifestFieldsInIndex : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI207", "index/manifest-fields-in-index", "Index contains config or layers (CVE-2021-41190)", Error, None)
    {
        Description = "An index with config or layers members can be read as a manifest too (CVE-2021-41190, GHSA-77vh-xpmg-72qh); umoci and skopeo reject such documents.",
    };
}
