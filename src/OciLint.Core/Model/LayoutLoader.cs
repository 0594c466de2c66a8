using OciLint.Core.Json;
using OciLint.Core.Layout;

namespace OciLint.Core.Model;

/// <summary>
/// Reads oci-layout and index.json and walks the descriptor graph once, depth first, parsing each JSON blob
/// by the media type its parent declares. Each digest is parsed once; cycles and depth are cut, not followed.
/// </summary>
public static class LayoutLoader
{
    public const int MaxDepth = 16;

    /// <summary>JSON documents larger than this are not parsed (the spec suggests manifests stay under 4 MiB).</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    /// <param name="threads">Threads index.json may be parsed on (-j): the one document that can be tens of MiB.</param>
    public static LayoutModel Load(ILayoutSource source, int threads = 1)
    {
        var model = new LayoutModel(source);
        if (source.Find("oci-layout") is { IsFile: true } layoutEntry && layoutEntry.Length <= MaxDocumentBytes)
        {
            if (TryReadAll(model, layoutEntry) is { } bytes)
            {
                model.OciLayout = Add(model, new JsonDocumentModel(DocumentKind.OciLayout, "oci-layout", bytes, null, null));
            }
        }

        if (source.Find("index.json") is { IsFile: true } indexEntry && indexEntry.Length <= MaxDocumentBytes)
        {
            if (TryReadAll(model, indexEntry) is { } bytes)
            {
                model.IndexJson = Add(model, new JsonDocumentModel(DocumentKind.IndexJson, "index.json", bytes, null, null, threads));
                var parsed = new Dictionary<string, JsonDocumentModel>(StringComparer.Ordinal);
                Walk(model, model.IndexJson, [], parsed);
            }
        }

        return model;
    }

    private static JsonDocumentModel Add(LayoutModel model, JsonDocumentModel document)
    {
        model.Documents.Add(document);
        return document;
    }

    private static void Walk(LayoutModel model, JsonDocumentModel document, List<string> ancestors, Dictionary<string, JsonDocumentModel> parsed)
    {
        CollectDescriptors(model, document);
        foreach (var descriptor in document.Descriptors)
        {
            var kind = TargetKind(descriptor);
            if (kind is null || descriptor.Digest is null)
            {
                continue;
            }

            if (ancestors.Contains(descriptor.Digest, StringComparer.Ordinal))
            {
                model.GraphIssues.Add(new GraphIssue(GraphIssueKind.Cycle, descriptor, $"{descriptor.Digest} refers back to a document above it ({string.Join(" -> ", ancestors.Append(descriptor.Digest))})"));
                continue;
            }

            if (parsed.TryGetValue(descriptor.Digest, out var known))
            {
                descriptor.Target = known;
                continue;
            }

            if (ancestors.Count >= MaxDepth)
            {
                model.GraphIssues.Add(new GraphIssue(GraphIssueKind.TooDeep, descriptor, $"nesting deeper than {MaxDepth} levels; not followed"));
                continue;
            }

            var path = LayoutModel.BlobPath(descriptor.Digest);
            if (path is null)
            {
                model.UnreadableTargets[descriptor] = UnreadableReason.InvalidDigest;
                continue;
            }

            var entry = model.Source.Find(path);
            if (entry is null)
            {
                model.UnreadableTargets[descriptor] = UnreadableReason.Missing;
                continue;
            }

            if (!entry.IsFile)
            {
                model.UnreadableTargets[descriptor] = UnreadableReason.NotARegularFile;
                continue;
            }

            if (entry.Length > MaxDocumentBytes)
            {
                model.UnreadableTargets[descriptor] = UnreadableReason.TooLarge;
                continue;
            }

            if (TryReadAll(model, entry) is not { } content)
            {
                model.UnreadableTargets[descriptor] = UnreadableReason.ReadError;
                continue;
            }

            var target = Add(model, new JsonDocumentModel(kind.Value, path, content, descriptor.Digest, descriptor));
            parsed[descriptor.Digest] = target;
            descriptor.Target = target;
            if (kind is DocumentKind.Index or DocumentKind.Manifest)
            {
                ancestors.Add(descriptor.Digest);
                Walk(model, target, ancestors, parsed);
                ancestors.RemoveAt(ancestors.Count - 1);
            }
        }
    }

    private static DocumentKind? TargetKind(DescriptorModel descriptor) => descriptor.Role switch
    {
        DescriptorRole.IndexEntry when MediaTypes.IsIndex(descriptor.MediaType) => DocumentKind.Index,
        DescriptorRole.IndexEntry when MediaTypes.IsManifest(descriptor.MediaType) => DocumentKind.Manifest,
        DescriptorRole.Config when MediaTypes.IsConfig(descriptor.MediaType) => DocumentKind.Config,
        // A referrer's subject is followed when its blob is here (OCI521 notes when it is not): the image it names is
        // part of the graph, so its documents are parsed and schema-checked and its blobs are not orphans.
        DescriptorRole.Subject when MediaTypes.IsIndex(descriptor.MediaType) => DocumentKind.Index,
        DescriptorRole.Subject when MediaTypes.IsManifest(descriptor.MediaType) => DocumentKind.Manifest,
        _ => null,
    };

    private static void CollectDescriptors(LayoutModel model, JsonDocumentModel document)
    {
        if (document.Root is not { IsObject: true } root || document.Kind is DocumentKind.OciLayout or DocumentKind.Config)
        {
            return;
        }

        void Add(JsonNode node, DescriptorRole role, int position)
        {
            if (node.IsObject)
            {
                var descriptor = new DescriptorModel(document, node, role, position);
                document.Descriptors.Add(descriptor);
                model.Descriptors.Add(descriptor);
            }
        }

        // Both shapes are collected whatever the document claims to be: a manifest carrying "manifests"
        // (CVE-2021-41190) still has its descriptors judged.
        if (root.Get("manifests") is { IsArray: true } manifests)
        {
            for (var i = 0; i < manifests.Items.Count; i++)
            {
                Add(manifests.Items[i], DescriptorRole.IndexEntry, i);
            }
        }

        if (!document.IsIndexLike && root.Get("config") is { } config)
        {
            Add(config, DescriptorRole.Config, 0);
        }

        if (!document.IsIndexLike && root.Get("layers") is { IsArray: true } layers)
        {
            for (var i = 0; i < layers.Items.Count; i++)
            {
                Add(layers.Items[i], DescriptorRole.Layer, i);
            }
        }

        if (root.Get("subject") is { } subject)
        {
            Add(subject, DescriptorRole.Subject, 0);
        }
    }

    // A file that cannot be read is a finding (OCI018), never a crash.
    private static byte[]? TryReadAll(LayoutModel model, LayoutEntry entry)
    {
        try
        {
            return ReadAll(model.Source, entry);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            model.ReadErrors.Add((entry.Path, e is UnauthorizedAccessException ? "permission denied" : e.Message));
            return null;
        }
    }

    private static byte[] ReadAll(ILayoutSource source, LayoutEntry entry)
    {
        using var stream = source.OpenRead(entry);
        var buffer = new byte[entry.Length];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
