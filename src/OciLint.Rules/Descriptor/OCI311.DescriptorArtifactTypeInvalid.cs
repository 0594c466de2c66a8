using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI311" in schemas/.</summary>
public sealed class DescriptorArtifactTypeInvalid : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI311", "descriptor/artifact-type-invalid", "Descriptor artifactType is not an RFC 6838 media type", Error, None)
    {
        Description = "If defined, a descriptor's artifactType MUST comply with RFC 6838.",
    };
}
