using OciLint.Rules.Schema;

namespace OciLint.Rules.Descriptor;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI306" in schemas/.</summary>
public sealed class DescriptorUrlInvalid : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI306", "descriptor/url-invalid", "urls entry is not an RFC 3986 URI", Error, None)
    {
        Description = "Each urls entry MUST conform to RFC 3986; a relative path or a string with spaces is not a URI.",
    };
}
