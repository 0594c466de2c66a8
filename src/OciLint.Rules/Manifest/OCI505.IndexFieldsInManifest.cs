using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI505" in schemas/.</summary>
public sealed class IndexFieldsInManifest : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI505", "manifest/index-fields-in-manifest", "Manifest contains manifests (CVE-2021-41190)", Error, None)
    {
        Description = "An image manifest carries a 'manifests' member, making it ambiguous with an image index (CVE-2021-41190); skopeo and umoci reject such documents.",
    };
}
