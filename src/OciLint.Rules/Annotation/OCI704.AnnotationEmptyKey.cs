using OciLint.Rules.Schema;

namespace OciLint.Rules.Annotation;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI704" in schemas/.</summary>
public sealed class AnnotationEmptyKey : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI704", "annotation/empty-key", "Empty annotation key", Error, None)
    {
        Description = "An annotations map has an empty key; annotation keys must be non-empty strings, best namespaced in reverse-domain notation.",
    };
}
