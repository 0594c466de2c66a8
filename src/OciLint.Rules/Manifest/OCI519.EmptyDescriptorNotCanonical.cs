namespace OciLint.Rules.Manifest;

/// <summary>manifest.md "Guidance for an Empty Descriptor": the content is "{}" (size 2), digest sha256:44136fa…, data "e30=".</summary>
public sealed class EmptyDescriptorNotCanonical : Rule
{
    public const string EmptyDigest = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    public const string EmptyData = "e30=";

    public override RuleMetadata Metadata { get; } = new("OCI519", "manifest/empty-descriptor-not-canonical", "Empty descriptor that is not {}", Error, None)
    {
        Description = "A descriptor of type application/vnd.oci.empty.v1+json that is not the spec's empty descriptor ({}, size 2, sha256:44136fa…, data e30=). A descriptor contradicting itself (the {} digest with another size, or data that is not {}) is an error; one that is merely other content (\"{ }\", \"[]\") is a warning, since tools recognise the empty descriptor by its digest.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.MediaType != MediaTypes.Empty)
        {
            return;
        }

        var data = descriptor.Node.GetString("data");
        var canonicalDigest = descriptor.Digest == EmptyDigest;

        // The {} digest names 2 bytes "e30=": any other size or data contradicts the descriptor itself.
        if (canonicalDigest && descriptor.Size is { } size && size != 2)
        {
            context.Report(descriptor.Owner, descriptor.Node.Get("size"), $"the empty descriptor's digest is that of {{}} (2 bytes) but its size is {size}: consumers comparing size and digest reject the blob");
            return;
        }

        if (canonicalDigest && data is not null && data != EmptyData)
        {
            context.Report(descriptor.Owner, descriptor.Node.Get("data"), $"the empty descriptor's data is \"{data}\", not \"{EmptyData}\" (base64 of {{}}): the embedded data does not match the digest");
            return;
        }

        if (!canonicalDigest && descriptor.Digest is not null)
        {
            context.Report(
                descriptor.Owner,
                descriptor.Node.Get("digest"),
                $"a descriptor of type {MediaTypes.Empty} points at {Support.Text.Short(descriptor.Digest)} (size {descriptor.Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}), not at {{}} ({Support.Text.Short(EmptyDigest)}, size 2): tools that recognise the empty descriptor by its digest treat this as real content",
                severity: Support.LayoutFacts.Milder(context, Warning));
        }
    }
}
