using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI308" in schemas/.</summary>
public sealed class DescriptorDataNotBase64 : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI308", "descriptor/data-not-base64", "data is not padded base64", Error, None)
    {
        Description = "A descriptor's data MUST be base64 as in RFC 4648 section 4, with padding; Go consumers fail to decode anything else.",
    };
}
