using OciLint.Core.Deep;
using OciLint.Rules.Config;
using OciLint.Rules.Index;
using OciLint.Rules.Support;

namespace OciLint.Rules.MediaType;

/// <summary>image-layout.md: "An encountered mediaType that is unknown MUST NOT generate an error." Off by default: an inventory of what OciLint does not know.</summary>
public sealed class UnknownMediaType : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI806", "mediatype/unknown", "Unknown but well-formed media type", Off, None)
    {
        Description = "A layer of an artifact, or a subject, has a well-formed media type OciLint does not know (not OCI, Docker, in-toto or the empty descriptor). Allowed: consumers must ignore unknown types. Off by default; enabled without a level it reports notes, listing what the layout contains that generic tools will treat as opaque data. Config types are OCI507's, image layers OCI510's, index entries OCI210's.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.MediaType is not { } type || !MediaTypeGrammar.IsMatch(type) || IsKnown(type) || !Covered(descriptor))
        {
            return;
        }

        context.Report(
            descriptor.Owner,
            descriptor.Node.Get("mediaType"),
            $"media type \"{type}\" is not one OciLint knows: consumers must ignore it (no error), and generic tools copy it as opaque data",
            severity: ConfigUnknownField.UnknownIsNote(context));
    }

    private static bool IsKnown(string type) =>
        ManifestFacts.IsOciImage(type) || ManifestFacts.IsDocker(type) || type is MediaTypes.Empty or MediaTypes.Descriptor or MediaTypes.LayoutHeader or LayerMediaTypes.InToto;

    /// <summary>Where no other rule reports unknown types: layers of artifacts and subjects.</summary>
    private static bool Covered(DescriptorModel descriptor) => descriptor.Role switch
    {
        DescriptorRole.Subject => true,
        DescriptorRole.Layer => !ManifestFacts.IsImageConfig(ManifestFacts.Config(descriptor.Owner)?.MediaType),
        _ => false,
    };
}
