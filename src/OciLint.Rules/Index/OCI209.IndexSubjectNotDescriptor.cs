using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI209" in schemas/.</summary>
public sealed class IndexSubjectNotDescriptor : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI209", "index/subject-not-descriptor", "Index subject is not a descriptor", Error, None)
    {
        Description = "An index's subject, when present, MUST be a descriptor of another manifest.",
    };
}
