namespace OciLint.Rules.Index;

/// <summary>image-layout.md: the ref.name annotation "SHOULD only be considered valid when on descriptors on index.json".</summary>
public sealed class RefNameOutsideIndexJson : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI220", "index/ref-name-not-in-index-json", "ref.name on a descriptor that is not in index.json", Note, None)
    {
        Description = "org.opencontainers.image.ref.name names an image only on the descriptors of index.json. On a descriptor inside a blob (a nested index, a manifest's config or layers) consumers ignore it: umoci resolves only top-level names.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.Owner.Kind == DocumentKind.IndexJson || descriptor.RefName is not { } name || descriptor.Node.Get("annotations")?.Get(MediaTypes.RefNameAnnotation) is not { } node)
        {
            return;
        }

        context.Report(descriptor.Owner, node, $"ref name \"{name}\" is on a descriptor inside a blob, not in index.json: consumers only resolve names of index.json entries (umoci: top-level names only), so \"{name}\" names nothing");
    }
}
