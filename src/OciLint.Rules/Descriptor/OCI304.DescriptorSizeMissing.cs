using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI304" in schemas/.</summary>
public sealed class DescriptorSizeMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI304", "descriptor/size-missing", "Descriptor size missing or not an integer", Error, None)
    {
        Description = "Every descriptor MUST carry size, the length in bytes of the raw content, as an integer; consumers check it before hashing.",
    };
}
