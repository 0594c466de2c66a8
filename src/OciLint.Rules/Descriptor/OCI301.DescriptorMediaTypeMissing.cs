using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI301" in schemas/.</summary>
public sealed class DescriptorMediaTypeMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI301", "descriptor/media-type-missing", "Descriptor mediaType missing", Error, None)
    {
        Description = "Every descriptor MUST carry mediaType, the media type of the referenced content; consumers cannot tell a manifest from an index without it.",
    };
}
