using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI602" in schemas/.</summary>
public sealed class ConfigPlatformMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI602", "config/platform-missing", "architecture or os missing", Error, None)
    {
        Description = "**architecture** _string_, REQUIRED",
    };
}
