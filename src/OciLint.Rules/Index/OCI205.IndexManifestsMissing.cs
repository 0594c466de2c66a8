using OciLint.Rules.Schema;

namespace OciLint.Rules.Index;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI205" in schemas/.</summary>
public sealed class IndexManifestsMissing : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI205", "index/manifests-missing", "Index manifests missing or not an array", Error, Sometimes)
    {
        Description = "An image index MUST carry manifests, an array (which MAY be empty).",
    };

    // null or missing both mean "no entries"; an object or a string is left to the user.
    protected override Fix? FixFor(JsonDocumentModel document, SchemaError error) =>
        SchemaFixes.ReplaceNull(document, error, "[]") ?? SchemaFixes.AddMissing(document, error, "manifests", "[]", after: "mediaType");
}
