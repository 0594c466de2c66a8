namespace OciLint.Rules.Support;

/// <summary>One string-to-string map that follows annotations.md#rules: an <c>annotations</c> member, or a config's <c>config.Labels</c>.</summary>
internal sealed record AnnotationMap(JsonDocumentModel Document, JsonNode Map, bool IsLabels)
{
    /// <summary>"annotations" or "config.Labels", for messages.</summary>
    public string Name => IsLabels ? "config.Labels" : "annotations";

    /// <summary>The members with string values (the others are OCI701/OCI608's), in document order.</summary>
    public IEnumerable<(string Key, JsonMember Member)> Entries => Map.Members.Where(m => m.Value.IsString).Select(m => (m.Name, m));

    /// <summary>The first member with this key and a string value.</summary>
    public (string Value, JsonMember Member)? Get(string key) =>
        Map.Members.FirstOrDefault(m => m.Name == key && m.Value.IsString) is { } member ? (member.Value.Text!, member) : null;
}

internal static class AnnotationMaps
{
    /// <summary>
    /// Every annotation map of a document: the document's own (index, manifest), each descriptor's, and a config's
    /// Labels ("This property MUST use the annotation rules"). Maps that are not objects are skipped (OCI701/OCI702).
    /// </summary>
    public static IEnumerable<AnnotationMap> In(JsonDocumentModel document, bool includeLabels = true)
    {
        if (document.Root is not { IsObject: true } root)
        {
            yield break;
        }

        if (document.Kind == DocumentKind.Config)
        {
            if (includeLabels && root.Get("config")?.Get("Labels") is { IsObject: true } labels)
            {
                yield return new AnnotationMap(document, labels, true);
            }

            yield break;
        }

        if (document.Kind != DocumentKind.OciLayout && root.Get("annotations") is { IsObject: true } own)
        {
            yield return new AnnotationMap(document, own, false);
        }

        foreach (var descriptor in document.Descriptors)
        {
            if (descriptor.Node.Get("annotations") is { IsObject: true } map)
            {
                yield return new AnnotationMap(document, map, false);
            }
        }
    }
}
