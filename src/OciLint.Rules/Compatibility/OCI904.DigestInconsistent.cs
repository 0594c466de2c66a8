using OciLint.Rules.Support;

namespace OciLint.Rules.Compatibility;

/// <summary>One digest listed in one index with two sizes or two media types: at most one of them describes the content.</summary>
public sealed class DigestInconsistent : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI904", "compat/digest-inconsistent", "Same digest listed with different size or mediaType", Error, None)
    {
        Description = "Entries of one index name the same digest with different sizes (one content has one length, so one entry is wrong: an error) or different media types (a warning). jq's unique_by([.digest,.size,.mediaType]) keeps both, and single-image consumers see two images. A size that differs from a blob present in the layout is OCI407's finding; a media type that differs from the target's own is OCI313's.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var document in layout.Documents.Where(d => d.IsIndexLike))
        {
            Check(layout, document, context);
        }
    }

    private static void Check(LayoutModel layout, JsonDocumentModel document, RuleContext context)
    {
        var entries = document.Descriptors.Where(d => d.Role == DescriptorRole.IndexEntry && d.Digest is not null);
        foreach (var group in entries.GroupBy(d => d.Digest!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            // With the blob present, OCI407 compares every descriptor's size with it.
            var blob = layout.BlobEntry(first.Digest) is { IsFile: true };
            foreach (var entry in group.Skip(1))
            {
                if (!blob && entry.Size is { } size && first.Size is { } firstSize && size != firstSize)
                {
                    context.Report(document, entry.Node.Get("size"), $"entry {entry.Position} lists {Text.Short(entry.Digest)} with size {size}, entry {first.Position} with size {firstSize}: one content has one length, so one entry is wrong (the blob is not in the layout to tell which)");
                }

                if (entry.MediaType is { } type && first.MediaType is { } firstType && type != firstType && TargetType(entry) is null)
                {
                    context.Report(document, entry.Node.Get("mediaType"), $"entry {entry.Position} lists {Text.Short(entry.Digest)} as \"{type}\", entry {first.Position} as \"{firstType}\": consumers parse the same content two ways, and jq's unique_by([.digest,.size,.mediaType]) keeps both", severity: LayoutFacts.Milder(context, Warning));
                }
            }
        }
    }

    // With a parsed target that names its own type, OCI313 (or the schema) judges each descriptor against it.
    private static string? TargetType(DescriptorModel entry) => entry.Target?.Root?.GetString("mediaType");
}
