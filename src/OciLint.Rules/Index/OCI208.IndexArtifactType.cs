using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI208" in schemas/.</summary>
public sealed class IndexArtifactType : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI208", "index/artifact-type", "artifactType of an index is not RFC 6838", Error, None)
    {
        Description = "If defined, the value MUST comply with RFC 6838, including the naming requirements in its section 4.2, and MAY be registered with IANA.",
    };
}
