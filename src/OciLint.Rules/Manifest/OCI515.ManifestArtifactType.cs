using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI515" in schemas/.</summary>
public sealed class ManifestArtifactType : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI515", "manifest/artifact-type", "Manifest artifactType is not an RFC 6838 media type", Error, None)
    {
        Description = "If defined, a manifest's artifactType MUST comply with RFC 6838.",
    };
}
