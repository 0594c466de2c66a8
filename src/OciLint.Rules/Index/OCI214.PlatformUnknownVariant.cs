using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>image-index.md: "Image indexes SHOULD use, and implementations SHOULD understand, variant values listed in the Platform Variants table."</summary>
public sealed class PlatformUnknownVariant : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI214", "index/platform-unknown-variant", "platform variant not in the Platform Variants table", Note, None)
    {
        Description = "platform.variant is not listed for its architecture in the spec's Platform Variants table (arm: v6, v7, v8; arm64: v8, v8.x, v9, v9.x; amd64: v1-v4; ppc64le: power8-power10; riscv64: rva20u64, rva22u64, rva23u64). Consumers that match variants may never select the entry.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // An unknown architecture is OCI213's finding; its variant cannot be judged.
        if (descriptor.Node.Get("platform") is not { IsObject: true } platform
            || platform.Get("variant") is not { IsString: true } variant
            || platform.GetString("architecture") is not { } architecture
            || !Platforms.GoArch.Contains(architecture))
        {
            return;
        }

        if (!Platforms.Variants.TryGetValue(architecture, out var known))
        {
            context.Report(descriptor.Owner, variant, $"platform variant \"{variant.Text}\": the Platform Variants table lists no variants for architecture \"{architecture}\"; consumers that match variants may never select this entry");
        }
        else if (!known.Contains(variant.Text!))
        {
            var hint = Platforms.Suggest(variant.Text!, known) is { } suggestion ? $"; did you mean \"{suggestion}\"?" : $" (listed: {string.Join(", ", known.Order(StringComparer.Ordinal))})";
            context.Report(descriptor.Owner, variant, $"platform variant \"{variant.Text}\" is not in the Platform Variants table for \"{architecture}\"{hint}");
        }
    }
}
