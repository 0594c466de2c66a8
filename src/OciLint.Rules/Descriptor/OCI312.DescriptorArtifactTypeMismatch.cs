using OciLint.Rules.Support;

namespace OciLint.Rules.Descriptor;

/// <summary>descriptor.md artifactType: "This is the value of the config descriptor mediaType when the descriptor references an image manifest."</summary>
public sealed class DescriptorArtifactTypeMismatch : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI312", "descriptor/artifact-type-mismatch", "Descriptor artifactType disagrees with its target", Warning, Sometimes)
    {
        Description = "A descriptor's artifactType differs from the type of the artifact it points at: the manifest's own artifactType, or its config mediaType when it has none (for an index: the index's artifactType). Tools that filter by artifactType, such as the referrers API and oras discover, list the artifact under the wrong type.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.ArtifactType is not { } declared || descriptor.Node.Get("artifactType") is not { } node || Expected(descriptor.Target) is not { } actual || declared == actual)
        {
            return;
        }

        var document = descriptor.Owner;
        var fix = document.Kind == DocumentKind.IndexJson && LayoutFacts.Verifies(descriptor.Target)
            ? new Fix($"set artifactType to \"{actual}\" from the target", FixSafety.Safe, [JsonEdits.ReplaceValue(document, node, JsonEdits.Quote(actual))])
            : null;
        context.Report(document, node, $"artifactType is \"{declared}\" but the {descriptor.Target!.Kind.ToString().ToLowerInvariant()} it points at ({Text.Short(descriptor.Digest)}) is of type \"{actual}\": tools that filter by artifactType (referrers API, oras discover) list it under the wrong type", fix);
    }

    /// <summary>The target's artifactType, falling back to a manifest's config mediaType.</summary>
    private static string? Expected(JsonDocumentModel? target) => target switch
    {
        { Root: { IsObject: true } root, Kind: DocumentKind.Manifest } => root.GetString("artifactType") ?? root.Get("config")?.GetString("mediaType"),
        { Root: { IsObject: true } root, Kind: DocumentKind.Index } => root.GetString("artifactType"),
        _ => null,
    };
}
