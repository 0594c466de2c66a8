namespace OciLint.Rules.Schema;

/// <summary>
/// A rule whose check is a part of a JSON Schema in schemas/: it reports the schema failures mapped onto
/// its id. Subclasses only declare metadata.
/// </summary>
public abstract class SchemaRule : Rule
{
    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        foreach (var error in SchemaErrors.For(document).Errors)
        {
            if (error.RuleId == Metadata.Id)
            {
                context.Report(document, error.Pointer, Prefix(document) + error.Message, FixFor(document, error));
            }
        }
    }

    /// <summary>Override to offer a fix for a failure.</summary>
    protected virtual Fix? FixFor(JsonDocumentModel document, SchemaError error) => null;

    private static string Prefix(JsonDocumentModel document) => document.Kind switch
    {
        DocumentKind.OciLayout => "oci-layout: ",
        DocumentKind.IndexJson => "index.json: ",
        DocumentKind.Index => "index: ",
        DocumentKind.Manifest => "manifest: ",
        _ => "config: ",
    };
}
