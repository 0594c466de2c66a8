using OciLint.Rules.Support;

namespace OciLint.Rules.Annotation;

/// <summary>image-layout.md: ref names are tags such as "v1.0.0-vendor.0"; a full image reference in their place breaks tag lookups.</summary>
public sealed class RefNameFullReference : Rule
{
    private const string ContainerdName = "io.containerd.image.name";

    public override RuleMetadata Metadata { get; } = new("OCI713", "annotation/ref-name-full-reference", "ref.name is a full image reference, not a tag", Warning, Sometimes)
    {
        Description = "An index.json ref name such as docker.io/library/alpine:3.19 (crane pull --annotate-ref and older BuildKit write this) instead of the tag 3.19. skopeo oci:DIR:3.19 and umoci --image DIR:3.19 do not find it, and zot rejects the layout; containerd and BuildKit keep the tag in ref.name and the full name in io.containerd.image.name.",
        Precision = "medium",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // Names the grammar rejects are OCI712's.
        if (!descriptor.InIndexJson || RefNames.Member(descriptor, out var annotations) is not { } member || !RefNames.IsValid(member.Value.Text!) || Split(member.Value.Text!) is not var (repository, tag))
        {
            return;
        }

        var value = member.Value.Text!;
        var document = descriptor.Owner;
        Fix? fix = null;
        var existing = descriptor.Annotation(ContainerdName);
        if (tag is not null && (existing is null || existing == value))
        {
            var edit = existing is null
                ? MemberEdits.ReplaceAndInsertAfter(document, annotations!, member, JsonEdits.Quote(tag), ContainerdName, JsonEdits.Quote(value))
                : JsonEdits.ReplaceValue(document, member.Value, JsonEdits.Quote(tag));
            fix = new Fix($"set the ref name to the tag \"{tag}\"{(existing is null ? $" and keep \"{value}\" in {ContainerdName}" : "")}", FixSafety.Unsafe, [edit])
            {
                Description = $"consumers that looked the image up by \"{value}\" must use \"{tag}\"",
            };
        }

        var usual = tag is null ? "a tag" : $"the tag \"{tag}\"";
        context.Report(document, member.Value, $"ref name \"{value}\" is a full image reference (repository \"{repository}\"), not a tag: `skopeo copy oci:DIR:TAG` and umoci look up {usual} and do not find it; containerd and BuildKit put the tag in ref.name and the full name in {ContainerdName}", fix);
    }

    /// <summary>"registry/repo:tag" → (registry/repo, tag); "registry/repo@sha256:…" → (registry/repo, null); anything without a repository path → null.</summary>
    internal static (string Repository, string? Tag)? Split(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at > 0 && LayoutModel.DigestGrammar().IsMatch(value[(at + 1)..]))
        {
            var name = value[..at];
            return Split(name) is var (repository, tag) ? (repository, tag) : name.Contains('/', StringComparison.Ordinal) ? (name, null) : null;
        }

        var slash = value.LastIndexOf('/');
        var colon = value.LastIndexOf(':');
        return slash > 0 && colon > slash + 1 && colon < value.Length - 1 ? (value[..colon], value[(colon + 1)..]) : null;
    }
}
