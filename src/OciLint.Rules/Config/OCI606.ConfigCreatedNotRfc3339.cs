using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI606" in schemas/.</summary>
public sealed class ConfigCreatedNotRfc3339 : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI606", "config/created-not-rfc3339", "created is not an RFC 3339 date-time", Error, None)
    {
        Description = "config created and history[].created MUST be formatted as RFC 3339 section 5.6 date-times (e.g. 2024-01-01T00:00:00Z).",
    };
}
