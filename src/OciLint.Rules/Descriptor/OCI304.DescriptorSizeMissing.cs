using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI304" in schemas/.</summary>
public sealed class DescriptorSizeMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI304", "descriptor/size-missing", "size missing or not an integer", Error, None)
    {
        Description = "This REQUIRED property specifies the size, in bytes, of the raw content.",
    };
}
