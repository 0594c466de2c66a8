using OciLint.Rules.Schema;

namespace OciLint.Rules.Json;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI107" in schemas/.</summary>
public sealed class ForbiddenNull : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI107", "json/forbidden-null", "null where the spec wants a value or nothing", Error, None)
    {
        Description = "Optional descriptor members (platform, urls, data, artifactType, subject) must be absent or of their type; null is neither, and oci-image-tool rejects it.",
    };
}
