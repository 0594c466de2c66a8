using System.Security.Cryptography;
using OciLint.Rules.Schema;

namespace OciLint.Rules.Support;

/// <summary>Derived facts several rules share: whether a parsed blob verifies, what the schema already reports.</summary>
internal static class LayoutFacts
{
    /// <summary>
    /// True when the document is a blob whose bytes hash to its digest (sha256 or sha512). Fixes that copy a
    /// value out of a blob into index.json are offered only then: an unverified blob may not be the content
    /// the descriptor names. The bytes are already in memory; each document is hashed at most once.
    /// </summary>
    public static bool Verifies(JsonDocumentModel? document) => document is not null && document.GetOrAdd(Check).Verified;

    /// <summary>The parsed config of a parsed manifest, when the walk reached it.</summary>
    public static JsonDocumentModel? ConfigOf(JsonDocumentModel? manifest) =>
        manifest?.Descriptors.FirstOrDefault(d => d.Role == DescriptorRole.Config)?.Target is { Kind: DocumentKind.Config } config ? config : null;

    /// <summary>True when a schema-backed rule already reports a failure at this pointer (one finding per defect).</summary>
    public static bool SchemaReports(JsonDocumentModel document, string pointer) =>
        SchemaErrors.For(document).Errors.Any(e => string.Equals(e.Pointer, pointer, StringComparison.Ordinal));

    /// <summary>
    /// The severity for the milder variant of a rule (e.g. note in index.json where the catalog says warning
    /// in nested indexes): the milder one while the rule runs at its default, the configured one otherwise.
    /// </summary>
    public static Severity? Milder(RuleContext context, Severity milder) =>
        context.Severity == context.Rule.DefaultSeverity ? milder : null;

    private static DigestCheck Check(JsonDocumentModel document)
    {
        var digest = document.Digest;
        var colon = digest?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (digest is null || colon < 0)
        {
            return new DigestCheck(false);
        }

        var encoded = digest[(colon + 1)..];
        var hash = digest[..colon] switch
        {
            "sha256" => SHA256.HashData(document.Bytes),
            "sha512" => SHA512.HashData(document.Bytes),
            _ => null,
        };
        return new DigestCheck(hash is not null && string.Equals(Convert.ToHexStringLower(hash), encoded, StringComparison.Ordinal));
    }

    private sealed record DigestCheck(bool Verified);
}
