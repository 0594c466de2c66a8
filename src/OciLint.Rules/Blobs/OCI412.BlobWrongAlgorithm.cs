using OciLint.Core.Blobs;

namespace OciLint.Rules.Blobs;

/// <summary>Content filed under the wrong algorithm folder, or the same content stored under two algorithms.</summary>
public sealed class BlobWrongAlgorithm : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI412", "blob/wrong-algorithm", "Blob under the wrong algorithm folder, or stored twice", Error, None)
    {
        Description = "A blob's path names the algorithm of its digest. Content whose sha256 is its name but that sits in blobs/sha512/ is never found; the same content stored under sha256 and sha512 is only redundant (a note).",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var blob in layout.Blobs.Records)
        {
            foreach (var (algorithm, computed) in blob.Computed)
            {
                if (algorithm != blob.Algorithm && computed == algorithm + ":" + blob.Encoded.ToLowerInvariant())
                {
                    context.Report(
                        Location.ForFile(blob.Path),
                        $"the content is {computed}, but it is stored under blobs/{blob.Algorithm}/: consumers look for it at blobs/{algorithm}/{blob.Encoded.ToLowerInvariant()}",
                        digest: computed,
                        related: BlobText.Referrers(blob));
                }
            }

            // Hashed with sha256 too (see Digests.AlgorithmsFor) to find a copy of the same content.
            if (blob.Algorithm != Digests.Sha256 && blob.Verified && blob.Computed.GetValueOrDefault(Digests.Sha256) is { } sha256
                && layout.Blobs.For(sha256) is { Verified: true } twin)
            {
                context.Report(
                    Location.ForFile(blob.Path),
                    $"the same content is also stored as {twin.Path}: harmless, but the layout carries it twice",
                    digest: blob.Digest,
                    severity: Note,
                    related: BlobText.Referrers(blob));
            }
        }
    }
}
