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
        // Values repeat (a big index carries one created date on every entry): judge each distinct value once.
        Dictionary<string, string?>? judged = null;
        foreach (var entry in AnnotationMaps.WithKey(document, Key))
        {
            // An empty value states nothing (buildah writes base.digest "" and base.name "" for FROM scratch).
            if (entry.Value.Length == 0)
            {
                continue;
            }

            judged ??= new(StringComparer.Ordinal);
            if (!judged.TryGetValue(entry.Value, out var problem))
            {
                judged[entry.Value] = problem = Judge(entry.Value);
            }

            if (problem is not null)
            {
                context.Report(document, entry.Member.Value, $"{entry.Map.Name} {Key} \"{entry.Value}\" {problem}");
            }
        }
    }
}
