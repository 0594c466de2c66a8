using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI515" in schemas/.</summary>
public sealed class ManifestArtifactType : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI515", "manifest/artifact-type", "artifactType not RFC 6838", Error, None)
    {
        Description = "If defined, the value MUST comply with RFC 6838, including the naming requirements in its section 4.2, and MAY be registered with IANA.",
    };
}
