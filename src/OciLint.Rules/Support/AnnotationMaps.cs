namespace OciLint.Rules.Support;

/// <summary>One string-to-string map that follows annotations.md#rules: an <c>annotations</c> member, or a config's <c>config.Labels</c>.</summary>
internal sealed record AnnotationMap(JsonDocumentModel Document, JsonNode Map, bool IsLabels)
{
    /// <summary>"annotations" or "config.Labels", for messages.</summary>
    public string Name => IsLabels ? "config.Labels" : "annotations";
}

internal static class AnnotationMaps
{
    /// <summary>
    /// Every annotation map of a document: the document's own (index, manifest), each descriptor's, and a config's
    /// Labels ("This property MUST use the annotation rules"). Maps that are not objects are skipped (OCI701/OCI702).
    /// </summary>
    public static IEnumerable<AnnotationMap> In(JsonDocumentModel document, bool includeLabels = true)
    {
        var maps = AnnotationIndex.For(document).Maps;
        return includeLabels ? maps : maps.Where(m => !m.IsLabels);
    }

    /// <summary>Every string entry of every annotation map of the document with this key, in document order.</summary>
    public static IReadOnlyList<AnnotationEntry> WithKey(JsonDocumentModel document, string key) =>
        AnnotationIndex.For(document).ByKey.GetValueOrDefault(key) ?? (IReadOnlyList<AnnotationEntry>)[];

    /// <summary>The distinct keys of the document's annotation maps with their entries, in order of first appearance.</summary>
    /// <remarks>A big index repeats a handful of keys tens of thousands of times: rules judge a key once.</remarks>
    public static IEnumerable<KeyValuePair<string, List<AnnotationEntry>>> ByKey(JsonDocumentModel document, bool includeLabels = true)
    {
        foreach (var pair in AnnotationIndex.For(document).ByKey)
        {
            if (includeLabels || pair.Value.Any(e => !e.Map.IsLabels))
            {
                yield return includeLabels ? pair : new(pair.Key, pair.Value.Where(e => !e.Map.IsLabels).ToList());
            }
        }
    }

    internal static IEnumerable<AnnotationMap> Find(JsonDocumentModel document)
    {
        if (document.Root is not { IsObject: true } root)
        {
            yield break;
        }

        if (document.Kind == DocumentKind.Config)
        {
            if (root.Get("config")?.Get("Labels") is { IsObject: true } labels)
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

/// <summary>A string entry of an annotation map: its value node, which knows its key (two references, for 50,000 of them).</summary>
internal readonly record struct AnnotationEntry(AnnotationMap Map, JsonNode Node)
{
    public JsonMember Member => Node.Member!.Value;

    public string Key => Member.Name;

    public string Value => Node.Text!;
}

/// <summary>The annotation maps of a document and their entries by key, built once per document for all annotation rules.</summary>
internal sealed class AnnotationIndex
{
    private AnnotationIndex(JsonDocumentModel document)
    {
        Maps = [.. AnnotationMaps.Find(document)];
        foreach (var map in Maps)
        {
            foreach (var member in map.Map.Members)
            {
                if (!member.Value.IsString)
                {
                    continue;
                }

                if (!ByKey.TryGetValue(member.Name, out var entries))
                {
                    ByKey[member.Name] = entries = [];
                }

                entries.Add(new AnnotationEntry(map, member.Value));
            }
        }
    }

    public IReadOnlyList<AnnotationMap> Maps { get; }

    // Insertion-ordered as long as nothing is removed, so reports keep document order per key.
    public Dictionary<string, List<AnnotationEntry>> ByKey { get; } = new(StringComparer.Ordinal);

    public static AnnotationIndex For(JsonDocumentModel document) => document.GetOrAdd(d => new AnnotationIndex(d));
}
