using OciLint.Core.Blobs;
using OciLint.Rules.Support;

namespace OciLint.Rules.Blobs;

/// <summary>sha256/sha512/blake3 digests whose encoded part is not the lowercase hex of the right length. The JSON Schema pattern alone accepts these.</summary>
public sealed class DigestEncodedMalformed : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI402", "digest/malformed-encoded", "Registered algorithm with a malformed encoded part", Error, Sometimes)
    {
        Description = "For sha256 the encoded part MUST be 64 lowercase hex characters (sha512: 128, blake3: 64); [A-F] MUST NOT be used. Go consumers reject anything else before reading the blob.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        // One record per distinct digest, so the grammar is read once however many descriptors repeat it.
        foreach (var blob in layout.Blobs.Records.Where(b => b.Form == DigestForm.MalformedEncoded && b.IsReferenced))
        {
            var (algorithm, encoded) = (blob.Algorithm, blob.Encoded);
            var length = Digests.Registered[algorithm];
            var lower = encoded.ToLowerInvariant();
            var problem = encoded.Length != length
                ? $"has {encoded.Length} characters where {algorithm} needs {length}"
                : lower.All(char.IsAsciiHexDigit) ? "uses uppercase hex ([A-F] MUST NOT be used)" : "contains characters other than 0-9 and a-f";
            foreach (var descriptor in blob.References)
            {
                context.Report(
                    descriptor.Owner,
                    BlobText.DigestNode(descriptor),
                    $"the {algorithm} digest {problem}: skopeo and umoci fail with \"invalid checksum digest format\", crane with \"found non-hex character in hash\" or \"wrong length\"",
                    LowerCaseFix(layout, descriptor, algorithm + ":" + lower));
            }
        }
    }

    // Safe only in index.json (not content-addressed), and only when the lower-cased name is a blob that verifies.
    private static Fix? LowerCaseFix(LayoutModel layout, DescriptorModel descriptor, string lower)
    {
        if (descriptor.Owner.Kind != DocumentKind.IndexJson || descriptor.Node.Get("digest") is not { } node
            || layout.Blobs.For(lower) is not { Verified: true } blob || (descriptor.Size is { } size && size != blob.Length))
        {
            return null;
        }

        return new Fix($"write the digest in lowercase ({Text.Short(lower)})", FixSafety.Safe, [JsonEdits.ReplaceValue(descriptor.Owner, node, JsonEdits.Quote(lower))])
        {
            Description = $"{blob.Path} exists and its content verifies against {lower}",
        };
    }
}
