using OciLint.Rules.Support;

namespace OciLint.Rules.Annotation;

/// <summary>
/// A check of the value of one pre-defined annotation key, wherever the key appears: annotations maps and
/// config.Labels (which "MUST use the annotation rules"). Subclasses say which key and why a value is wrong.
/// </summary>
public abstract class PredefinedAnnotationRule : Rule
{
    /// <summary>The full key, e.g. org.opencontainers.image.created.</summary>
    protected abstract string Key { get; }

    /// <summary>Why the value is wrong (completing "… \"value\" …"), or null when it is fine.</summary>
    protected abstract string? Judge(string value);

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        foreach (var map in AnnotationMaps.In(document))
        {
            foreach (var (key, member) in map.Entries)
            {
                // An empty value states nothing (buildah writes base.digest "" and base.name "" for FROM scratch).
                if (key == Key && member.Value.Text!.Length > 0 && Judge(member.Value.Text!) is { } problem)
                {
                    context.Report(document, member.Value, $"{map.Name} {Key} \"{member.Value.Text}\" {problem}");
                }
            }
        }
    }
}
