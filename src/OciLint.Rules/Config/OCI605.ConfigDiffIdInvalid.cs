using OciLint.Rules.Schema;

namespace OciLint.Rules.Config;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI605" in schemas/.</summary>
public sealed class ConfigDiffIdInvalid : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI605", "config/diff-id-invalid", "rootfs.diff_ids entry is not a valid digest", Error, None)
    {
        Description = "Each rootfs.diff_ids entry is the digest of a layer's uncompressed tar, in the descriptor digest format; a malformed one cannot be verified.",
    };
}
