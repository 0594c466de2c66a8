using OciLint.Rules.Support;

namespace OciLint.Rules.Json;

/// <summary>
/// A member named like a spec field but for case (MediaType, Digest, Manifests). Go's encoding/json matches
/// names case-insensitively and takes it as the field; every case-sensitive reader ignores it.
/// </summary>
public sealed class CaseVariantMember : Rule
{
    private static readonly string[] IndexFields = ["schemaVersion", "mediaType", "artifactType", "manifests", "subject", "annotations"];
    private static readonly string[] ManifestFields = ["schemaVersion", "mediaType", "artifactType", "config", "layers", "subject", "annotations"];
    private static readonly string[] DescriptorFields = ["mediaType", "digest", "size", "urls", "annotations", "data", "artifactType", "platform"];
    private static readonly string[] PlatformFields = ["architecture", "os", "os.version", "os.features", "variant", "features"];
    private static readonly string[] ConfigFields = ["created", "author", "architecture", "os", "os.version", "os.features", "variant", "config", "rootfs", "history"];
    private static readonly string[] ExecutionFields = ["User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal", "ArgsEscaped", "Memory", "MemorySwap", "CpuShares", "Healthcheck"];
    private static readonly string[] RootfsFields = ["type", "diff_ids"];
    private static readonly string[] HistoryFields = ["created", "created_by", "author", "comment", "empty_layer"];

    public override RuleMetadata Metadata { get; } = new("OCI106", "json/case-variant-member", "Member name differs from a spec field only by case", Warning, Sometimes)
    {
        Description = "A member such as \"MediaType\" or \"Manifests\": Go-based tools (skopeo, umoci, crane) match names case-insensitively and use it as the field, while case-sensitive readers ignore it and miss the field, so two consumers read two different documents.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Root is not { IsObject: true } root)
        {
            return;
        }

        foreach (var (obj, fields) in Objects(document, root))
        {
            // Nearly every name is exactly a field: look for a case variant before grouping anything.
            if (!HasCaseVariant(obj, fields))
            {
                continue;
            }

            foreach (var group in obj.Members.Where(m => Field(fields, m.Name) is { } f && f != m.Name).GroupBy(m => Field(fields, m.Name)!))
            {
                var field = group.Key;
                var exact = obj.Get(field) is not null;
                foreach (var member in group)
                {
                    // Renaming is lossless only when it cannot create a duplicate; blobs are never rewritten.
                    var fix = document.Kind == DocumentKind.IndexJson && !exact && group.Count() == 1
                        ? new Fix($"rename \"{member.Name}\" to \"{field}\"", FixSafety.Safe, [MemberEdits.Rename(document, member, field)])
                        : null;
                    var message = exact
                        ? $"\"{member.Name}\" differs from \"{field}\" only by case, and both are present: Go-based tools (skopeo, umoci, crane) take whichever comes last, other readers \"{field}\""
                        : $"\"{member.Name}\" differs from the spec field \"{field}\" only by case: Go-based tools (skopeo, umoci, crane) read it as \"{field}\", case-sensitive readers ignore it";
                    context.Report(document.LocationOfName(member), message, fix, document.Digest, related: document.Chain());
                }
            }
        }
    }

    private static string? Field(string[] fields, string name) => fields.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static bool HasCaseVariant(JsonNode obj, string[] fields)
    {
        foreach (var member in obj.Members)
        {
            if (Array.IndexOf(fields, member.Name) < 0 && Field(fields, member.Name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<(JsonNode Object, string[] Fields)> Objects(JsonDocumentModel document, JsonNode root)
    {
        switch (document.Kind)
        {
            case DocumentKind.OciLayout:
                yield return (root, ["imageLayoutVersion"]);
                yield break;
            case DocumentKind.IndexJson or DocumentKind.Index:
                yield return (root, IndexFields);
                break;
            case DocumentKind.Manifest:
                yield return (root, ManifestFields);
                break;
            case DocumentKind.Config:
                yield return (root, ConfigFields);
                if (root.Get("config") is { IsObject: true } execution)
                {
                    yield return (execution, ExecutionFields);
                }

                if (root.Get("rootfs") is { IsObject: true } rootfs)
                {
                    yield return (rootfs, RootfsFields);
                }

                if (root.Get("history") is { IsArray: true } history)
                {
                    foreach (var item in history.Items.Where(i => i.IsObject))
                    {
                        yield return (item, HistoryFields);
                    }
                }

                yield break;
        }

        foreach (var descriptor in document.Descriptors)
        {
            yield return (descriptor.Node, DescriptorFields);
            if (descriptor.Node.Get("platform") is { IsObject: true } platform)
            {
                yield return (platform, PlatformFields);
            }
        }
    }
}
