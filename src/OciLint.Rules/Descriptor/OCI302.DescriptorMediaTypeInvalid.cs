using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI302" in schemas/.</summary>
public sealed class DescriptorMediaTypeInvalid : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI302", "descriptor/media-type-invalid", "mediaType is not an RFC 6838 media type", Error, None)
    {
        Description = "mediaType values MUST comply with RFC 6838 (type/subtype, no parameters such as '; charset=utf-8').",
    };
}
