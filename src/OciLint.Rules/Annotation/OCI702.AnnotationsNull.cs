using OciLint.Rules.Schema;

namespace OciLint.Rules.Annotation;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI702" in schemas/.</summary>
public sealed class AnnotationsNull : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI702", "annotation/null", "annotations is null", Error, Sometimes)
    {
        Description = "If there are no annotations the property MUST either be absent or be an empty map; null is neither.",
    };

    // In index.json only: absent and null both mean "no annotations", and absent is the valid one.
    protected override Fix? FixFor(JsonDocumentModel document, SchemaError error) => SchemaFixes.RemoveNullMember(document, error);
}
