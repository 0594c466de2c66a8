using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI604" in schemas/.</summary>
public sealed class ConfigRootfs : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI604", "config/rootfs", "rootfs missing, or rootfs.type ≠ layers", Error, None)
    {
        Description = "**rootfs** _object_, REQUIRED",
    };
}
