using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI207" in schemas/.</summary>
public sealed class ManifestFieldsInIndex : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI207", "index/manifest-fields-in-index", "Index contains config or layers members (manifest/index confusion, CVE-2021-41190 / GHSA-77vh-xpmg-72qh, fixed in spec v1.0.2 by making mediaType normative)", Error, None)
    {
        Description = "bring mediaType out of reserved status",
    };
}
