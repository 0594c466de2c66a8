using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI520" in schemas/.</summary>
public sealed class SubjectNotDescriptor : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI520", "manifest/subject-not-descriptor", "Manifest subject is not a descriptor", Error, None)
    {
        Description = "A manifest's subject, when present, MUST be a descriptor of another manifest.",
    };
}
