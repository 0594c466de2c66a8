using System.Text;
using OciLint.Rules.Support;

namespace OciLint.Rules.Json;

/// <summary>considerations.md#canonicalization: "implementations serializing content for blobs SHOULD use a canonical serialization".</summary>
public sealed class NonCanonicalBlob : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI109", "json/non-canonical", "Non-canonical serialization of a blob", Off, None)
    {
        Description = "A JSON blob is not in the RFC 8785 canonical form (members sorted, no whitespace, minimal string escapes, ECMAScript number form). Off by default: the spec only recommends it, and a blob cannot be rewritten without changing its digest.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Digest is null || document.Root is null || document.Problems.Count > 0)
        {
            return;
        }

        var canonical = Encoding.UTF8.GetBytes(Rfc8785.Canonical(document.Root));
        var bytes = document.Bytes;
        var first = bytes.AsSpan().CommonPrefixLength(canonical);
        if (first == bytes.Length && first == canonical.Length)
        {
            return;
        }

        var (line, column) = document.Position(Math.Min(first, bytes.Length));
        context.Report(document, document.Root, $"the blob is not in canonical form (RFC 8785): it first differs at line {line}, column {column}; tools that re-serialize it canonically get a different digest");
    }
}
