namespace OciLint.Rules.Index;

/// <summary>image-index.md: "When os is windows, image indexes SHOULD use, and implementations SHOULD understand the following values: win32k".</summary>
public sealed class PlatformOsFeatures : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI216", "index/platform-os-features", "Windows os.features value other than win32k", Note, None)
    {
        Description = "On a windows platform, os.features should only hold the values the spec lists (win32k: the image needs win32k.sys, missing on Nano Server). Other values are implementation-defined and consumers ignore them. For other operating systems values are implementation-defined and not checked.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.Node.Get("platform") is not { IsObject: true } platform || platform.GetString("os") != "windows" || platform.Get("os.features") is not { IsArray: true } features)
        {
            return;
        }

        foreach (var item in features.Items.Where(i => i.IsString && i.Text != "win32k"))
        {
            context.Report(descriptor.Owner, item, $"os.features value \"{item.Text}\" is not one the spec defines for windows (only \"win32k\"): consumers ignore it");
        }
    }
}
