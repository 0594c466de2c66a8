using OciLint.Rules.Schema;

namespace OciLint.Rules.Layout;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI006" in schemas/.</summary>
public sealed class ImageLayoutVersionUnsupported : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI006", "layout/image-layout-version-unsupported", "imageLayoutVersion is not 1.0.0", Error, None)
    {
        Description = "imageLayoutVersion must be \"1.0.0\", the only layout version there is; umoci fails with \"layout version is not supported\".",
    };
}
