using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>A tag names an image index of several manifests: consumers that unpack one image cannot choose.</summary>
public sealed class TagIsMultiPlatformIndex : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI906", "compat/tag-is-multi-platform-index", "Tag resolves to a multi-platform index (consumer needs one image)", Note, None)
    {
        Description = "An index.json entry with a ref name points at an image index that lists several manifests. Valid, and what multi-platform builds write, but a consumer that needs one image and has no platform selection fails on the tag: umoci with \"tag is ambiguous: TAG\". skopeo picks the host's platform, or the one given with --override-os/--override-arch.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // Only a tag that is known to list more than one manifest: a one-manifest index resolves to one image for
        // umoci too, and an index that is missing or unreadable is another rule's finding.
        if (!descriptor.InIndexJson || descriptor.RefName is not { } tag || !MediaTypes.IsIndex(descriptor.MediaType)
            || descriptor.Target?.Root?.Get("manifests") is not { IsArray: true } manifests || manifests.Items.Count < 2)
        {
            return;
        }

        var entries = descriptor.Target.Descriptors.Where(d => d.Role == DescriptorRole.IndexEntry).ToList();
        var platforms = entries
            .Where(d => !Platforms.IsAttestation(d))
            .Select(d => Platforms.Key(d.Node.Get("platform")))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var platformText = platforms.Count > 0 ? $" ({Text.List(platforms)})" : "";
        var umoci = descriptor.MediaType == MediaTypes.ImageIndex
            ? $"`umoci unpack --image DIR:{tag}` fails with \"tag is ambiguous: {tag}\" (umoci has no platform selection)"
            : "umoci reads only OCI media types and fails on a Docker manifest list";
        var skopeo = $"oci:DIR:{tag}";
        var example = entries.Where(d => !Platforms.IsAttestation(d)).Select(d => d.Node.Get("platform")).LastOrDefault(p => p?.GetString("os") is not null && p.GetString("architecture") is not null) is { } platform
            ? $" --override-os {platform.GetString("os")} --override-arch {platform.GetString("architecture")}"
            : " --override-os OS --override-arch ARCH";
        context.Report(
            descriptor.Owner,
            descriptor.Node,
            $"tag \"{tag}\" names an image index of {manifests.Items.Count} manifests{platformText}, not one image: {umoci}; "
            + $"`skopeo copy {skopeo} …` takes the host's platform and `skopeo copy{example} {skopeo} …` the one named; other single-image consumers need one platform's manifest (its digest, or an index.json entry of its own)");
    }
}
