using OciLint.Rules.Schema;

namespace OciLint.Rules.Json;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI107" in schemas/.</summary>
public sealed class ForbiddenNull : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI107", "json/forbidden-null", "null where the spec wants absent-or-typed (annotations: null, manifests: null, urls: null, platform: null) outside the config", Error, None)
    {
        Description = "If there are no annotations then this property MUST either be absent or be an empty map.",
    };
}
