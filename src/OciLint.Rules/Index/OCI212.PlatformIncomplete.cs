using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI212" in schemas/.</summary>
public sealed class PlatformIncomplete : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI212", "index/platform-incomplete", "Platform lacks architecture or os", Error, None)
    {
        Description = "A descriptor's platform MUST carry architecture and os (strings); platform matching needs both.",
    };
}
