using OciLint.Rules.Config;

namespace OciLint.Rules.Descriptor;

/// <summary>descriptor.md#reserved: extended descriptor fields "SHOULD first be considered for addition into this specification"; unknown fields must not cause errors.</summary>
public sealed class DescriptorUnknownField : Rule
{
    // descriptor.md#properties, plus platform (image-index.md), which every descriptor schema allows.
    private static readonly string[] Fields = ["mediaType", "digest", "size", "urls", "annotations", "data", "artifactType", "platform"];

    public override RuleMetadata Metadata { get; } = new("OCI314", "descriptor/unknown-field", "Unknown extra descriptor field", Off, None)
    {
        Description = "A descriptor carries a member the descriptor spec does not define (not mediaType, digest, size, urls, annotations, data, artifactType or platform), such as a tool's private field or a misspelt one. Allowed and ignored by consumers; off by default, a note when enabled. Data meant for consumers belongs in annotations.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (!descriptor.Node.IsObject)
        {
            return;
        }

        foreach (var member in descriptor.Node.Members)
        {
            // "MediaType", "Digest": a case variant of a field is OCI106's finding.
            if (Fields.Any(f => f.Equals(member.Name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var owner = descriptor.Owner;
            context.Report(owner.LocationOfName(member), $"\"{member.Name}\" is not a descriptor field: consumers ignore it (the spec reserves new descriptor fields for itself; data for consumers belongs in annotations)", digest: owner.Digest, severity: ConfigUnknownField.UnknownIsNote(context), related: owner.Chain());
        }
    }
}
