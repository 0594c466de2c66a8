using OciLint.Rules.Schema;

namespace OciLint.Rules.Json;

/// <summary>Schema-backed: failures of the subschemas marked "x-ocilint-rule": "OCI107" in schemas/.</summary>
public sealed class ForbiddenNull : SchemaRule
{
    public override RuleMetadata Metadata { get; } = new("OCI107", "json/forbidden-null", "null where the spec wants a value or nothing", Error, Sometimes)
    {
        Description = "Optional descriptor members (platform, urls, data, artifactType, subject) must be absent or of their type; null is neither, and oci-image-tool rejects it.",
    };

    // In index.json only: a null member says nothing, so removing it loses nothing.
    protected override Fix? FixFor(JsonDocumentModel document, SchemaError error) => SchemaFixes.RemoveNullMember(document, error);
}
