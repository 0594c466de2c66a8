using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI608" in schemas/.</summary>
public sealed class ConfigLabels : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI608", "config/labels", "config.Labels breaks the annotation rules (non-string values)", Error, None)
    {
        Description = "This property MUST use the [annotation rules](annotations.md#rules).",
    };
}
