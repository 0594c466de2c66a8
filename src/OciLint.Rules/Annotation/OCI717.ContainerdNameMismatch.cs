namespace OciLint.Rules.Annotation;

/// <summary>containerd and BuildKit write the tag to org.opencontainers.image.ref.name and the full name to io.containerd.image.name; the two should agree.</summary>
public sealed class ContainerdNameMismatch : Rule
{
    public const string ContainerdName = "io.containerd.image.name";

    public override RuleMetadata Metadata { get; } = new("OCI717", "annotation/containerd-name-mismatch", "io.containerd.image.name disagrees with ref.name", Note, None)
    {
        Description = "An index.json entry's io.containerd.image.name (docker.io/library/app:v2) has a tag other than its org.opencontainers.image.ref.name (v1). containerd/nerdctl/docker load import the image under the containerd name, skopeo and umoci address it by the ref name: the same image gets different tags depending on the consumer.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (!descriptor.InIndexJson
            || descriptor.RefName is not { } refName
            || descriptor.AnnotationMember(ContainerdName) is not { Value.Text: { } fullName } member
            || refName == fullName
            || Tag(fullName) is not { } tag
            || tag == refName)
        {
            return;
        }

        context.Report(
            descriptor.Owner,
            member.Value,
            $"{ContainerdName} \"{fullName}\" has the tag \"{tag}\" but the ref name is \"{refName}\": `ctr images import` and `docker load` tag the image \"{tag}\", skopeo and umoci address it as \"{refName}\"");
    }

    /// <summary>The tag of "registry/repo:tag[@digest]": after the last ':' that follows the last '/'; null for a digest-only name.</summary>
    private static string? Tag(string fullName)
    {
        var name = fullName.Split('@')[0];
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > slash && colon < name.Length - 1 ? name[(colon + 1)..] : null;
    }
}
