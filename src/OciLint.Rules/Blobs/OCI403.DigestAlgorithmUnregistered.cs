using OciLint.Core.Blobs;

namespace OciLint.Rules.Blobs;

/// <summary>A grammar-valid digest whose algorithm the spec does not register: allowed, but nobody can verify it.</summary>
public sealed class DigestAlgorithmUnregistered : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI403", "digest/unregistered-algorithm", "Unregistered digest algorithm", Note, None)
    {
        Description = "The spec lets digests with unregistered algorithms pass if they match the grammar, but their content cannot be verified, and most consumers reject them.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var blob in layout.Blobs.Records.Where(b => b.Form == DigestForm.Unregistered && b.IsReferenced))
        {
            var consumers = blob.Algorithm == "sha384"
                ? "skopeo and oci-image-tool accept sha384 (go-digest knows it); umoci and crane reject it (\"unsupported algorithm\", \"unsupported hash\")"
                : "skopeo, umoci and oci-image-tool reject it (go-digest: \"unsupported digest algorithm\"), crane with \"unsupported hash\"";
            foreach (var descriptor in blob.References)
            {
                context.Report(
                    descriptor.Owner,
                    BlobText.DigestNode(descriptor),
                    $"digest algorithm \"{blob.Algorithm}\" is not registered by the image spec, so ocilint did not verify the content; {consumers}");
            }
        }
    }
}
