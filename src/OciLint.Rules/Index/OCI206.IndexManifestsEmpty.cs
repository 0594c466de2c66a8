using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>image-index.md: "the size of the array MAY be zero" — legal, but an empty index.json holds no image.</summary>
public sealed class IndexManifestsEmpty : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI206", "index/manifests-empty", "manifests is empty", Warning, None)
    {
        Description = "An index with an empty manifests array. Allowed, but an empty index.json gives consumers nothing to use: skopeo fails with the misleading \"more than one image in oci, choose an image\" and crane push with \"layout contains 0 entries\". A note in nested indexes.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (!document.IsIndexLike || document.Root?.Get("manifests") is not { IsArray: true, Items.Count: 0 } manifests)
        {
            return;
        }

        if (document.Kind == DocumentKind.IndexJson)
        {
            context.Report(document, manifests, "index.json lists no manifests: the layout holds no image (skopeo: \"more than one image in oci, choose an image\", crane push: \"layout contains 0 entries, consider --index\")");
        }
        else
        {
            context.Report(document, manifests, "this image index lists no manifests: a consumer that selects it finds no image for any platform", severity: LayoutFacts.Milder(context, Note));
        }
    }
}
