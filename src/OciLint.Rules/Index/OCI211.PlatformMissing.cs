using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>image-index.md: platform "SHOULD be present if its target is platform-specific".</summary>
public sealed class PlatformMissing : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI211", "index/platform-missing", "Platform-specific manifest without platform", Warning, Sometimes)
    {
        Description = "An index entry points at an image manifest (its config is an image config, so it runs on one platform) but has no platform. Consumers that pick an image by platform cannot choose it. A warning in nested indexes with several entries, a note in index.json and in single-entry indexes.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.Role != DescriptorRole.IndexEntry
            || descriptor.Node.HasMember("platform", StringComparison.OrdinalIgnoreCase)
            || descriptor.Target is not { Kind: DocumentKind.Manifest } manifest
            || manifest.Descriptors.FirstOrDefault(d => d.Role == DescriptorRole.Config) is not { } config
            || !MediaTypes.IsConfig(config.MediaType))
        {
            return;
        }

        var document = descriptor.Owner;
        var entries = document.IndexEntryCount;
        var severity = document.Kind == DocumentKind.IndexJson || entries < 2 ? LayoutFacts.Milder(context, Note) : null;
        Fix? fix = null;
        if (document.Kind == DocumentKind.IndexJson && PlatformJson.VerifiedConfig(descriptor) is { } source && PlatformJson.FromConfig(source) is { } platform)
        {
            fix = new Fix($"add \"platform\": {platform} from the image config", FixSafety.Safe, [MemberEdits.Insert(document, descriptor.Node, "platform", platform)]);
        }

        var pointer = JsonPointer.Append(descriptor.Pointer, "platform");
        context.Report(document, pointer, $"entry {descriptor.Position} points at an image manifest ({Text.Short(descriptor.Digest)}) but has no \"platform\": a consumer that picks an image by platform cannot choose it", fix, severity);
    }
}
