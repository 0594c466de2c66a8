using OciLint.Core.Deep;

namespace OciLint.Core.Model;

public sealed partial class LayoutModel
{
    /// <summary>What <c>--deep</c> found in each layer blob (decoding, tar structure, DiffIDs); empty without it.</summary>
    public LayerScanTable Layers { get; internal set; } = LayerScanTable.Empty;
}
