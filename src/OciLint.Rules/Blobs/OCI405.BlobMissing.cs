using OciLint.Core.Blobs;

namespace OciLint.Rules.Blobs;

/// <summary>A descriptor names a blob that is not under blobs/. Foreign layers (urls) and embedded content (data) are only noted.</summary>
public sealed class BlobMissing : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI405", "blob/missing", "Referenced blob missing from blobs/", Error, None)
    {
        Description = "A blob named by a descriptor is absent. The spec lets an external store fill it, but every offline consumer (skopeo, umoci, oci-image-tool) fails when it reads it.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var blob in layout.Blobs.Records)
        {
            // A malformed sha256/sha512 name is OCI402's; a blob behind a symlinked folder is OCI410's.
            if (blob.Kind != BlobFileKind.Missing || !blob.HasDigestName || blob.BlockedBy is not null)
            {
                continue;
            }

            foreach (var descriptor in blob.References)
            {
                var node = BlobText.DigestNode(descriptor);
                if (descriptor.Node.Get("urls") is { IsArray: true, Items.Count: > 0 })
                {
                    context.Report(descriptor.Owner, node, $"{blob.Path} is not in the layout, but the descriptor lists urls (a foreign or non-distributable blob): consumers fetch it from there, so the layout is not self-contained", severity: Note);
                }
                else if (descriptor.Node.Get("data") is { IsString: true })
                {
                    context.Report(descriptor.Owner, node, $"{blob.Path} is not in the layout, but the descriptor embeds the content in data: consumers that read data work, others (skopeo, umoci) look for the file and fail", severity: Note);
                }
                else
                {
                    context.Report(descriptor.Owner, node, $"{blob.Path} is missing: skopeo fails with \"reading blob {blob.Digest}: open …: no such file or directory\", oci-image-tool and umoci with \"no such file or directory\"");
                }
            }
        }
    }
}
