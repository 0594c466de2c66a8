using OciLint.Rules.Support;

namespace OciLint.Rules.Layer;

/// <summary>layer.md: tar layers "MUST NOT include duplicate entries for file paths in the resulting tar archive".</summary>
public sealed class LayerDuplicatePath : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI414", "layer/duplicate-path", "Layer tar has several entries for one path (--deep)", Error, None)
    {
        Description = "With --deep: a layer's tar stream holds the same path more than once (\"./etc/passwd\" and \"etc/passwd\" count as one path). Extractors disagree on which entry wins (most apply them in order, the last one winning), so the unpacked filesystem depends on the runtime.",
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
        if (layout.Layers.For(descriptor) is not { DuplicateCount: > 0 } scan || DeepFacts.BlobCorrupt(layout, descriptor))
        {
            return;
        }

        var more = scan.DuplicateCount > scan.DuplicatePaths.Count ? $" and {scan.DuplicateCount - scan.DuplicatePaths.Count} more" : "";
        context.Report(
            descriptor.Owner,
            descriptor.Node,
            $"layer {descriptor.Position} ({Text.Short(descriptor.Digest)}) has {Text.Plural((int)Math.Min(scan.DuplicateCount, int.MaxValue), "repeated path", "repeated paths")} ({Text.Quoted(scan.DuplicatePaths)}{more}): extractors apply entries in order, so which content wins depends on the runtime");
    }
}
