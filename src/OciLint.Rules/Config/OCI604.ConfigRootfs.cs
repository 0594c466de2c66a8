using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI604" in schemas/.</summary>
public sealed class ConfigRootfs : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI604", "config/rootfs", "Config rootfs missing, or rootfs.type is not \"layers\"", Error, None)
    {
        Description = "The image config MUST carry rootfs, and rootfs.type MUST be \"layers\"; implementations MUST generate an error on any other value.",
    };
}
