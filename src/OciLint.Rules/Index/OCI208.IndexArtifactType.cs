using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI208" in schemas/.</summary>
public sealed class IndexArtifactType : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI208", "index/artifact-type", "Index artifactType is not an RFC 6838 media type", Error, None)
    {
        Description = "If defined, an index's artifactType MUST comply with RFC 6838.",
    };
}
