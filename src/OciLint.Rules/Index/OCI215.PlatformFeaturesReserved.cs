namespace OciLint.Rules.Index;

/// <summary>image-index.md: platform.features "is RESERVED for future versions of the specification".</summary>
public sealed class PlatformFeaturesReserved : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI215", "index/platform-features-reserved", "platform.features present", Warning, None)
    {
        Description = "platform.features is reserved for a future version of the specification; today it has no meaning (it is not os.features). Docker's old manifest lists used it for CPU features such as sse4; no OCI consumer reads it.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.Node.Get("platform") is { IsObject: true } platform && platform.Get("features") is { } features)
        {
            context.Report(descriptor.Owner, features, "platform.features is RESERVED for future versions of the specification and has no meaning today; use os.features for OS requirements");
        }
    }
}
