using OciLint.Rules.Schema;

namespace OciLint.Rules.Annotation;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI701" in schemas/.</summary>
public sealed class AnnotationsNotStringMap : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI701", "annotation/not-string-map", "annotations is not a map of strings to strings", Error, None)
    {
        Description = "Annotations MUST be a key-value map where both the key and value MUST be strings; a number, object or array value breaks every consumer that decodes them into a string map.",
    };
}
