using OciLint.Rules.Schema;

namespace OciLint.Rules.Manifest;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI520" in schemas/.</summary>
public sealed class SubjectNotDescriptor : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI520", "manifest/subject-not-descriptor", "subject is not a descriptor / does not point to a manifest or index", Error, None)
    {
        Description = "This OPTIONAL property specifies a [descriptor](descriptor.md) of another manifest.",
    };
}
