namespace OciLint.Rules.Json;

/// <summary>considerations.md: "Objects MUST NOT contain duplicate names"; Go tools silently keep the last one.</summary>
public sealed class DuplicateMember : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI104", "json/duplicate-member", "Duplicate member names in one object", Error, None)
    {
        Description = "A member name appears twice in one object. Parsers disagree on which value wins: Go's encoding/json (skopeo, umoci, crane) keeps the last, OciLint reads the first.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        foreach (var problem in document.Problems.Where(p => p.Kind == JsonProblemKind.DuplicateMember))
        {
            var first = problem.FirstOffset is { } offset ? document.Position(offset) : default;
            var location = document.LocationOfOffset(problem.Offset, problem.Pointer);
            var related = document.Chain().Append(document.LocationOfOffset(problem.FirstOffset ?? 0, problem.Pointer)).ToList();
            context.Report(
                location,
                $"{problem.Message} (first at line {first.Line}, column {first.Column}): Go-based tools (skopeo, umoci, crane) silently keep the last value, others the first",
                digest: document.Digest,
                related: related);
        }
    }
}
