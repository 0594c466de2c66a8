using OciLint.Core.Blobs;

namespace OciLint.Rules.Blobs;

/// <summary>A descriptor's size differs from the blob's length. Checked before hashing, as the spec asks.</summary>
public sealed class BlobSizeMismatch : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI407", "blob/size-mismatch", "Blob length differs from descriptor size", Error, None)
    {
        Description = "If the length of the content does not match the descriptor's size, the content SHOULD NOT be trusted; umoci and oci-image-tool refuse it.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var blob in layout.Blobs.Records)
        {
            if (blob.Length is not { } length || blob.Form == DigestForm.MalformedEncoded)
            {
                continue;
            }

            foreach (var descriptor in blob.References)
            {
                // A negative size is OCI305's.
                if (descriptor.Size is not { } size || size < 0 || size == length)
                {
                    continue;
                }

                var hashed = blob.Skipped == HashSkip.SizeMismatch ? " (its content was not hashed: the length is checked first)" : "";
                var skopeo = descriptor.InIndexJson ? "; skopeo does not check the size of a top-level manifest and copies it" : "";
                context.Report(
                    descriptor.Owner,
                    descriptor.Node.Get("size") ?? descriptor.Node,
                    $"size is {size} but {blob.Path} has {BlobText.Bytes(length)}{hashed}: umoci fails with \"verified reader size mismatch\", oci-image-tool with \"size mismatch\"{skopeo}");
            }
        }
    }
}
