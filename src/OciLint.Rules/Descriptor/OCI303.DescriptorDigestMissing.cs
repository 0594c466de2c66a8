using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI303" in schemas/.</summary>
public sealed class DescriptorDigestMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI303", "descriptor/digest-missing", "Descriptor digest missing", Error, None)
    {
        Description = "Every descriptor MUST carry digest, the content address of its target; without it the content cannot be found or verified.",
    };
}
