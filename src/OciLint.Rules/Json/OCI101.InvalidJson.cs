namespace OciLint.Rules.Json;

/// <summary>oci-layout, index.json and every JSON blob must parse.</summary>
public sealed class InvalidJson : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI101", "json/invalid", "Not parseable JSON", Error, None)
    {
        Description = "oci-layout and index.json MUST be JSON objects, and manifests, indexes and configs are JSON documents; a document that does not parse cannot be used by any consumer.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        foreach (var problem in document.Problems.Where(p => p.Kind == JsonProblemKind.Syntax && document.Kind != DocumentKind.OciLayout))
        {
            context.Report(document.LocationOfOffset(problem.Offset), $"{Describe(document)} is not valid JSON: {problem.Message}", digest: document.Digest, related: document.Chain());
        }
    }

    internal static string Describe(JsonDocumentModel document) => document.Kind switch
    {
        DocumentKind.OciLayout => "oci-layout",
        DocumentKind.IndexJson => "index.json",
        DocumentKind.Index => "the index blob",
        DocumentKind.Manifest => "the manifest blob",
        _ => "the config blob",
    };
}
