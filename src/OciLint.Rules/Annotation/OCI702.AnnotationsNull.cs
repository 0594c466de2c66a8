using OciLint.Rules.Schema;

namespace OciLint.Rules.Annotation;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI702" in schemas/.</summary>
public sealed class AnnotationsNull : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI702", "annotation/null", "annotations is null", Error, None)
    {
        Description = "If there are no annotations the property MUST either be absent or be an empty map; null is neither.",
    };
}
