namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: subject "defines a weak association to a separate Merkle Directed Acyclic Graph (DAG) structure".</summary>
public sealed class SubjectMissing : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI521", "manifest/subject-missing", "subject target is not in the layout", Note, None)
    {
        Description = "A manifest's or index's subject names a manifest whose blob is not in this layout: a signature, SBOM or attestation copied without the image it refers to. Allowed (the association is weak), but pushing this layout alone leaves a referrer pointing at nothing.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var subject in layout.Descriptors.Where(d => d.Role == DescriptorRole.Subject))
        {
            // A malformed digest is OCI401's.
            if (LayoutModel.BlobPath(subject.Digest) is not { } path || layout.Source.Find(path) is not null)
            {
                continue;
            }

            context.Report(
                subject.Owner,
                subject.Node,
                $"subject {Support.Text.Short(subject.Digest)} is not in this layout ({path} is absent): this {(subject.Owner.IsIndexLike ? "index" : "manifest")} refers to an image that was not copied with it; push that image too, or registries list this referrer for a digest they do not have");
        }
    }
}
