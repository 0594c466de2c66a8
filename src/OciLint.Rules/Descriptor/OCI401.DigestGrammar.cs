using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI401" in schemas/.</summary>
public sealed class DigestGrammar : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI401", "digest/grammar", "Digest does not match the digest grammar", Error, None)
    {
        Description = "A digest string MUST match algorithm:encoded (descriptor.md#digests); OciLint checks it before a digest ever becomes a path, so 'sha256:../../etc/passwd' is never opened.",
    };
}
