using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI302" in schemas/.</summary>
public sealed class DescriptorMediaTypeInvalid : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI302", "descriptor/media-type-invalid", "mediaType / artifactType not RFC 6838 (schema pattern; parameters like ; charset=utf-8 are not allowed by the pattern)", Error, None)
    {
        Description = "Values MUST comply with RFC 6838, including the naming requirements in its section 4.2.",
    };
}
