namespace OciLint.Rules.Index;

/// <summary>In a multi-entry index.json, an entry without a ref name is reachable only by digest or position.</summary>
public sealed class MissingRefNameInMultiEntryIndex : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI716", "annotation/missing-ref-name", "Entry without a ref name in a multi-entry index.json", Note, None)
    {
        Description = "When index.json lists several entries, an entry without org.opencontainers.image.ref.name can only be selected by digest or position (skopeo oci:DIR:@N).",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (!descriptor.InIndexJson || descriptor.RefName is not null || descriptor.Owner.IndexEntryCount < 2)
        {
            return;
        }

        context.Report(
            descriptor.Owner,
            descriptor.Node,
            $"entry {descriptor.Position} has no \"{MediaTypes.RefNameAnnotation}\": consumers can select it only by digest or by position (`skopeo copy oci:DIR:@{descriptor.Position}`)");
    }
}
