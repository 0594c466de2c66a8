using System.Text;
using OciLint.Rules.Support;

namespace OciLint.Rules.Annotation;

/// <summary>
/// annotations.md: "Keys MUST be unique within this map". Keys repeated verbatim in one map are JSON duplicate
/// members, which OCI104 reports once, everywhere; this rule reports the duplicates OCI104 cannot see: keys that
/// are distinct in the document but one key to Go consumers (skopeo, umoci, containerd, crane).
/// </summary>
public sealed class AnnotationKeyCollision : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI703", "annotation/duplicate-key", "Annotation key set twice for Go consumers", Error, None)
    {
        Description = "An annotation key (or label) that Go consumers read twice although the document holds it once per map: the same key in \"annotations\" and in a case variant such as \"Annotations\" (Go's encoding/json matches field names case-insensitively and merges both maps, keeping the later value), or two keys differing only in lone UTF-16 surrogate escapes (Go decodes both to U+FFFD). Keys repeated verbatim in one map are reported once, by OCI104.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        foreach (var (owner, field) in Owners(document))
        {
            CheckMerged(document, owner, field, context);
        }

        // A lone surrogate can only be written as a \u escape (UTF-8 has no encoding for one).
        if (document.Bytes.AsSpan().IndexOf("\\u"u8) < 0)
        {
            return;
        }

        foreach (var map in AnnotationMaps.In(document))
        {
            CheckSurrogates(document, map, context);
        }
    }

    /// <summary>The objects that carry an annotation map, with the field's name: the document, each descriptor, a config's config (Labels).</summary>
    private static IEnumerable<(JsonNode Owner, string Field)> Owners(JsonDocumentModel document)
    {
        if (document.Root is not { IsObject: true } root || document.Kind == DocumentKind.OciLayout)
        {
            yield break;
        }

        if (document.Kind == DocumentKind.Config)
        {
            if (root.Get("config") is { IsObject: true } config)
            {
                yield return (config, "Labels");
            }

            yield break;
        }

        yield return (root, "annotations");
        foreach (var descriptor in document.Descriptors)
        {
            yield return (descriptor.Node, "annotations");
        }
    }

    /// <summary>"annotations" and "Annotations" in one object: Go fills one map from both, in document order.</summary>
    private static void CheckMerged(JsonDocumentModel document, JsonNode owner, string field, RuleContext context)
    {
        // Exact repeats of the member are OCI104's: only the first of each spelling takes part.
        // Cheap test first: one member of that name in any case is the usual shape.
        var spellings = 0;
        foreach (var member in owner.Members)
        {
            if (member.Name.Length == field.Length && member.Name.Equals(field, StringComparison.OrdinalIgnoreCase))
            {
                spellings++;
            }
        }

        if (spellings < 2)
        {
            return;
        }

        var maps = owner.Members
            .Where(m => m.Name.Equals(field, StringComparison.OrdinalIgnoreCase) && m.Value.IsObject)
            .DistinctBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        if (maps.Count < 2)
        {
            return;
        }

        var seen = new Dictionary<string, (JsonMember Map, JsonMember Entry)>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            foreach (var entry in map.Value.Members.Where(e => e.Value.IsString).DistinctBy(e => e.Name, StringComparer.Ordinal))
            {
                if (!seen.TryAdd(entry.Name, (map, entry)))
                {
                    var first = seen[entry.Name];
                    var values = first.Entry.Value.Text == entry.Value.Text ? "with the same value" : $"with \"{first.Entry.Value.Text}\" and \"{entry.Value.Text}\"";
                    context.Report(
                        document.LocationOfName(entry),
                        $"key \"{entry.Name}\" is set in \"{first.Map.Name}\" and in \"{map.Name}\" {values}: Go's encoding/json matches \"{field}\" case-insensitively and merges both maps, so skopeo, umoci, containerd and crane keep \"{entry.Value.Text}\", while OciLint and other readers see only \"{maps[0].Name}\"",
                        digest: document.Digest,
                        related: [.. document.Chain(), document.LocationOfName(first.Entry)]);
                    seen[entry.Name] = (map, entry);
                }
            }
        }
    }

    private static void CheckSurrogates(JsonDocumentModel document, AnnotationMap map, RuleContext context)
    {
        // Only keys with surrogates can collide this way.
        if (!map.Map.Members.Any(m => m.Name.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0))
        {
            return;
        }

        var seen = new Dictionary<string, JsonMember>(StringComparer.Ordinal);
        foreach (var member in map.Map.Members)
        {
            var asGo = GoKey(member.Name);
            if (!seen.TryAdd(asGo, member) && seen[asGo].Name != member.Name)
            {
                context.Report(
                    document.LocationOf(map.Map),
                    $"{map.Name} keys {Escaped(seen[asGo].Name)} and {Escaped(member.Name)} differ only in lone UTF-16 surrogates: Go's encoding/json decodes both to {Escaped(asGo)}, so skopeo, umoci, containerd and crane see one key and keep the later value, while other readers see two keys",
                    digest: document.Digest,
                    related: [.. document.Chain(), document.LocationOfName(seen[asGo])]);
            }
        }
    }

    /// <summary>The key as Go's encoding/json decodes it: every unpaired surrogate becomes U+FFFD.</summary>
    private static string GoKey(string key)
    {
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                builder.Append(c).Append(key[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    private static string Escaped(string key) => JsonEdits.Quote(string.Concat(key.Select(c => char.IsSurrogate(c) || c == '\uFFFD' ? $"\\u{(int)c:x4}" : c.ToString())));
}
