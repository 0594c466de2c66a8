namespace OciLint.Rules.Json;

/// <summary>Every OCI JSON document is an object at the top level.</summary>
public sealed class NotAnObject : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI102", "json/not-an-object", "Top-level value is not an object", Error, None)
    {
        Description = "oci-layout \"MUST be a JSON object\" and index.json \"MUST be an image index JSON object\"; manifests and configs are objects too.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.OciLayout && document.Root is { IsObject: false } root)
        {
            context.Report(document, root, $"{InvalidJson.Describe(document)} is a JSON {root.Kind.ToString().ToLowerInvariant()}, not an object");
        }
    }
}
