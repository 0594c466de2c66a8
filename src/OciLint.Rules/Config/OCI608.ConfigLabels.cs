using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI608" in schemas/.</summary>
public sealed class ConfigLabels : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI608", "config/labels", "config.Labels is not a map of strings", Error, None)
    {
        Description = "config.Labels MUST use the annotation rules: a map whose keys and values are strings.",
    };
}
