using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI311" in schemas/.</summary>
public sealed class DescriptorArtifactTypeInvalid : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI311", "descriptor/artifact-type-invalid", "artifactType not RFC 6838", Error, None)
    {
        Description = "If defined, the value MUST comply with RFC 6838, including the naming requirements in its section 4.2, and MAY be registered with IANA.",
    };
}
