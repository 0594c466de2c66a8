using OciLint.Rules.Support;

namespace OciLint.Rules.Layer;

/// <summary>layer.md [main]: "A .wh. file, without a basename to delete, is invalid and implementations SHOULD return an error when encountering such an entry."</summary>
public sealed class LayerBareWhiteout : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI415", "layer/bare-whiteout", "Layer has a .wh. whiteout with no name (--deep)", Error, None)
    {
        Description = "With --deep: a layer's tar stream has an entry named exactly \".wh.\" (a whiteout with no file name to delete). The spec calls it invalid and asks implementations to return an error; older ones silently create a file named \".wh.\" or delete the wrong thing.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var descriptor in layout.Descriptors.Where(d => d.Role == DescriptorRole.Layer))
        {
            Check(layout, descriptor, context);
        }
    }

    private static void Check(LayoutModel layout, DescriptorModel descriptor, RuleContext context)
    {
        if (layout.Layers.For(descriptor) is not { BareWhiteoutCount: > 0 } scan || DeepFacts.BlobCorrupt(layout, descriptor))
        {
            return;
        }

        context.Report(
            descriptor.Owner,
            descriptor.Node,
            $"layer {descriptor.Position} ({Text.Short(descriptor.Digest)}) has {Text.Plural((int)Math.Min(scan.BareWhiteoutCount, int.MaxValue), "whiteout", "whiteouts")} named \".wh.\" with nothing to delete ({Text.Quoted(scan.BareWhiteouts)}): the spec says implementations SHOULD return an error; older ones create a file named \".wh.\" instead");
    }
}
