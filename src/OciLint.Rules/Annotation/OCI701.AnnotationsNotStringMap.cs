using OciLint.Rules.Schema;

namespace OciLint.Rules.Annotation;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI701" in schemas/.</summary>
public sealed class AnnotationsNotStringMap : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI701", "annotation/not-string-map", "annotations not a string→string map (non-string value, nested object)", Error, None)
    {
        Description = "Annotations MUST be a key-value map where both the key and value MUST be strings.",
    };
}
