using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI303" in schemas/.</summary>
public sealed class DescriptorDigestMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI303", "descriptor/digest-missing", "digest missing", Error, None)
    {
        Description = "This REQUIRED property is the _digest_ of the targeted content",
    };
}
