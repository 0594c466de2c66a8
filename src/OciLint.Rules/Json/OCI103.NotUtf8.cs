namespace OciLint.Rules.Json;

/// <summary>considerations.md: "The encoding MUST be UTF-8"; Go tools also fail on a byte order mark.</summary>
public sealed class NotUtf8 : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI103", "json/not-utf8", "Not UTF-8, or UTF-8 with a byte order mark", Error, None)
    {
        Description = "JSON content MUST be UTF-8 (I-JSON). Go-based tools reject a byte order mark with \"invalid character 'ï' looking for beginning of value\".",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        foreach (var problem in document.Problems.Where(p => p.Kind is JsonProblemKind.NotUtf8 or JsonProblemKind.ByteOrderMark))
        {
            var hint = problem.Kind == JsonProblemKind.ByteOrderMark ? " (Go tools fail with \"invalid character 'ï' looking for beginning of value\")" : "";
            context.Report(document.LocationOfOffset(problem.Offset), $"{InvalidJson.Describe(document)} {problem.Message}{hint}", digest: document.Digest, related: document.Chain());
        }
    }
}
