using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>Single-image consumers (skopeo copy oci:DIR, crane push DIR) need exactly one index.json entry.</summary>
public sealed class IndexNotSingleEntry : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI901", "compat/index-not-single-entry", "index.json does not hold exactly one entry", Warning, None)
    {
        Description = "skopeo copy oci:DIR and crane push DIR consume a layout only when index.json lists exactly one image; with none or several they fail and the user must name one.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.IndexJson || document.Root?.Get("manifests") is not { IsArray: true } manifests || manifests.Items.Count == 1)
        {
            return;
        }

        var count = manifests.Items.Count;
        var failures = $"`skopeo copy oci:DIR` fails with \"more than one image in oci, choose an image\" and `crane push DIR` with \"layout contains {count} entries, consider --index\"";
        if (count == 0)
        {
            context.Report(document, manifests, $"index.json lists no image: {failures}; there is nothing to copy or push");
            return;
        }

        // Suggest a name only when it selects one image: a ref name on entries for different digests
        // is ambiguous (OCI715), and skopeo would silently take the first. The keys, in order of first
        // appearance (the dictionary is only added to), are also the distinct ref names to show.
        // Sized up front: grown from empty, a 50,000-entry index copied it a dozen times.
        var targets = new Dictionary<string, (string? Digest, bool Ambiguous)>(count, StringComparer.Ordinal);
        foreach (var entry in document.Descriptors)
        {
            if (entry.Role == DescriptorRole.IndexEntry && entry.RefName is { } name && !targets.TryAdd(name, (entry.Digest, false)) && targets[name].Digest != entry.Digest)
            {
                targets[name] = (null, true);
            }
        }

        var unambiguous = targets.FirstOrDefault(t => !t.Value.Ambiguous).Key;
        var choose = unambiguous is not null
            ? $"select one with `skopeo copy oci:DIR:{unambiguous} …`"
            : "select one by position with `skopeo copy oci:DIR:@0 …`";
        var refText = targets.Count > 0 ? $" (ref names {Text.Quoted(targets.Keys)})" : "";
        context.Report(
            document,
            manifests,
            $"index.json lists {count} entries{refText}: {failures}; {choose}, or push all of them with `crane push --index DIR …`");
    }
}
