namespace OciLint.Rules.MediaType;

/// <summary>layer.md: non-distributable ("foreign") layers "MAY include urls" where the content can be fetched; the blob itself is often absent.</summary>
public sealed class ForeignLayerNotInLayout : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI805", "mediatype/foreign-layer-not-in-layout", "Docker foreign layer whose blob is not in the layout", Note, None)
    {
        Description = "A layer of type application/vnd.docker.image.rootfs.foreign.diff.tar.gzip (Windows base layers) has no blob in this layout. That is how foreign layers travel: consumers fetch them from the descriptor's urls. The layout is therefore not self-contained, and without urls the layer cannot be obtained at all.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var layer in layout.Descriptors.Where(d => d.Role == DescriptorRole.Layer && d.MediaType == MediaTypes.DockerForeignLayerGzip))
        {
            if (LayoutModel.BlobPath(layer.Digest) is not { } path || layout.Source.Find(path) is not null)
            {
                continue;
            }

            var urls = layer.Node.Get("urls") is { IsArray: true } list ? list.Items.Where(u => u.IsString).Select(u => u.Text!).ToList() : [];
            var where = urls.Count > 0
                ? $"consumers fetch it from {string.Join(", ", urls.Take(3))}{(urls.Count > 3 ? ", …" : "")}, so using this layout needs network access to that host"
                : "and it lists no urls, so no consumer can obtain it";
            context.Report(layer.Owner, layer.Node, $"foreign layer {layer.Position} ({Support.Text.Short(layer.Digest)}) is not in this layout: {where}; crane only logs \"nondistributable layer failure\" for it");
        }
    }
}
