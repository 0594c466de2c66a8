using OciLint.Core.Blobs;

namespace OciLint.Rules.Blobs;

/// <summary>sha512 or blake3 where the spec says implementations SHOULD use SHA-256.</summary>
public sealed class DigestAlgorithmNotSha256 : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI404", "digest/not-sha256", "Digest algorithm other than sha256", Warning, None)
    {
        Description = "Compliant implementations SHOULD use SHA-256. crane (go-containerregistry) and umoci support only sha256, and blake3 is registered only on the spec's main branch.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var blob in layout.Blobs.Records.Where(b => b.IsReferenced && b.Algorithm != Digests.Sha256 && b.Form is DigestForm.Verifiable or DigestForm.RegisteredUnverifiable))
        {
            var message = blob.Algorithm == Digests.Blake3
                ? "blake3 digest: registered only on the image spec's main branch (not in v1.1.1); no Debian consumer (skopeo, umoci, oci-image-tool) nor crane supports it, and ocilint does not verify blake3 content"
                : $"{blob.Algorithm} digest where implementations SHOULD use sha256: crane (go-containerregistry) fails with \"unsupported hash\" and umoci with \"unsupported algorithm\"; skopeo and oci-image-tool accept it";
            foreach (var descriptor in blob.References)
            {
                context.Report(descriptor.Owner, BlobText.DigestNode(descriptor), message);
            }
        }
    }
}
