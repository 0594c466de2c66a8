using OciLint.Core.Blobs;

namespace OciLint.Rules.Blobs;

/// <summary>A blob's content does not hash to its name, whether or not anything references it.</summary>
public sealed class BlobDigestMismatch : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI406", "blob/digest-mismatch", "Blob content does not match its digest", Error, None)
    {
        Description = "The content of blobs/<alg>/<encoded> MUST match the digest <alg>:<encoded>. Consumers that verify (skopeo for layers, umoci, oci-image-tool) fail; those that do not pass corrupt content on.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var blob in layout.Blobs.Records)
        {
            // A blob the walk could not read either is OCI018's finding already: one finding per defect.
            if (blob.Error is { } error && blob.HasDigestName && !layout.ReadErrors.Any(e => e.Path == blob.Path))
            {
                context.Report(Location.ForFile(blob.Path), $"could not be read to verify its digest: {error}", digest: blob.Digest, related: BlobText.Referrers(blob));
                continue;
            }

            if (!blob.Mismatch)
            {
                continue;
            }

            var message = $"content hashes to {blob.ComputedDigest}, not {blob.Digest}";
            if (!blob.IsReferenced)
            {
                message += "; nothing references this blob, but its content must still match its name (a copy or gc would carry the corruption along)";
            }
            else if (blob.References.Any(d => d.InIndexJson))
            {
                message += ": umoci fails with \"verified reader digest mismatch\" and oci-image-tool with \"digest mismatch\", but skopeo copies a corrupt top-level manifest without noticing";
            }
            else
            {
                message += ": skopeo fails with \"Digest did not match, expected …, got …\", umoci with \"verified reader digest mismatch\", oci-image-tool with \"digest mismatch\"";
            }

            context.Report(Location.ForFile(blob.Path), message, digest: blob.Digest, related: BlobText.Referrers(blob));
        }
    }
}
