using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI305" in schemas/.</summary>
public sealed class DescriptorSizeNegative : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI305", "descriptor/size-negative", "Descriptor size is negative", Error, None)
    {
        Description = "The size MUST NOT be negative (image-spec main, after v1.1.1).",
    };
}
