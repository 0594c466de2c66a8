using OciLint.Core.Blobs;
using OciLint.Core.Deep;

namespace OciLint.Rules.Layer;

internal static class DeepFacts
{
    /// <summary>
    /// The blob does not match its own digest: OCI406 reports that, and whatever the deep scan found in it
    /// follows from the corruption (one finding per defect). Known from the deep pass's hash of the stored
    /// bytes, or from the blob verifier's.
    /// </summary>
    public static bool BlobCorrupt(LayoutModel layout, DescriptorModel layer)
    {
        if (layout.Blobs.For(layer) is { Mismatch: true })
        {
            return true;
        }

        return Digests.Split(layer.Digest) is { } parts
            && layout.Layers.For(layer) is { } scan
            && scan.CompressedDigests.TryGetValue(parts.Algorithm, out var computed)
            && computed != layer.Digest;
    }
}
