namespace OciLint.Rules.Layout;

/// <summary>image-layout.md: oci-layout "MUST be a JSON object".</summary>
public sealed class OciLayoutNotObject : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI004", "layout/oci-layout-not-object", "oci-layout is not valid JSON or not a JSON object", Error, None)
    {
        Description = "The oci-layout file MUST be a JSON object. umoci fails with \"parse oci-layout: …\"; skopeo and crane never read it.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.OciLayout)
        {
            return;
        }

        foreach (var problem in document.Problems.Where(p => p.Kind == JsonProblemKind.Syntax))
        {
            context.Report(document.LocationOfOffset(problem.Offset), $"oci-layout is not valid JSON: {problem.Message} (umoci: \"parse oci-layout\")");
        }

        if (document.Root is { IsObject: false } root)
        {
            context.Report(document, root, $"oci-layout is a JSON {root.Kind.ToString().ToLowerInvariant()}, not an object");
        }
    }
}
