using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI308" in schemas/.</summary>
public sealed class DescriptorDataNotBase64 : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI308", "descriptor/data-not-base64", "data is not valid padded base64", Error, None)
    {
        Description = "Values MUST conform to the Base 64 encoding, as defined in [RFC 4648][rfc4648-s4].",
    };
}
