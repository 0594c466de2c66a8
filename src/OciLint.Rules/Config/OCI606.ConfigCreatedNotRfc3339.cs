using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI606" in schemas/.</summary>
public sealed class ConfigCreatedNotRfc3339 : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI606", "config/created-not-rfc3339", "created / history[].created not RFC 3339 §5.6", Error, None)
    {
        Description = "formatted as defined by [RFC 3339, section 5.6][rfc3339-s5.6]",
    };
}
