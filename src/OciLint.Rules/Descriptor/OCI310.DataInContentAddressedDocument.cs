namespace OciLint.Rules.Descriptor;

/// <summary>
/// descriptor.md: "Implementations MUST NOT populate the data field in situations where doing so would modify
/// existing content identifiers." A linter cannot see history; it can show where data sits inside content-addressed documents.
/// </summary>
public sealed class DataInContentAddressedDocument : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI310", "descriptor/data-in-content-addressed-document", "data embedded in a content-addressed document", Off, None)
    {
        Description = "Lists descriptors carrying data inside manifests and nested indexes, whose digests change when data is added. If data was added to an already published document, its identity changed, which the spec forbids. Off by default: the history is not visible, so most findings are legitimate.",
        Precision = "low",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // index.json is not content-addressed: data there changes no identifier.
        if (descriptor.Owner.Digest is null || descriptor.Node.Get("data") is not { } data)
        {
            return;
        }

        context.Report(descriptor.Owner, data, $"this descriptor embeds data inside {descriptor.Owner.Kind.ToString().ToLowerInvariant()} {Support.Text.Short(descriptor.Owner.Digest)}: if the data was added after the document was published, its digest changed, which the spec forbids (\"MUST NOT populate the data field in situations where doing so would modify existing content identifiers\")");
    }
}
