using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI602" in schemas/.</summary>
public sealed class ConfigPlatformMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI602", "config/platform-missing", "Config lacks architecture or os", Error, None)
    {
        Description = "The image config MUST carry architecture and os (strings); platform selection and runtimes need them.",
    };
}
