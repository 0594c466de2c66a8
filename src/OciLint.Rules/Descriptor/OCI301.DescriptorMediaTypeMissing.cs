using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI301" in schemas/.</summary>
public sealed class DescriptorMediaTypeMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI301", "descriptor/media-type-missing", "mediaType missing", Error, None)
    {
        Description = "This REQUIRED property contains the media type of the referenced content.",
    };
}
