using OciLint.Core.Blobs;
using OciLint.Rules.Support;

namespace OciLint.Rules.Blobs;

/// <summary>A descriptor's embedded data that is not the content its size and digest describe.</summary>
public sealed class DescriptorDataMismatch : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI309", "descriptor/data-mismatch", "Decoded data differs from the referenced content", Error, Sometimes)
    {
        Description = "The decoded data MUST be identical to the referenced content: its length must equal size and its hash the digest. Consumers that use data get other bytes than those that read the blob.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        foreach (var descriptor in layout.Descriptors)
        {
            // Anything that is not padded base64 is OCI308's.
            if (descriptor.Node.Get("data") is not { IsString: true, Text: { } text } data || !TryDecode(text, out var bytes))
            {
                continue;
            }

            var problems = new List<string>();
            if (descriptor.Size is { } size && size >= 0 && size != bytes.Length)
            {
                problems.Add($"decodes to {BlobText.Bytes(bytes.Length)} but size is {size}");
            }

            if (Digests.Split(descriptor.Digest) is { } parts && Digests.Classify(parts.Algorithm, parts.Encoded) == DigestForm.Verifiable
                && Digests.Compute(parts.Algorithm, bytes) is var computed && computed != descriptor.Digest)
            {
                problems.Add($"hashes to {computed}, not {descriptor.Digest}");
            }

            if (problems.Count > 0)
            {
                context.Report(descriptor.Owner, data, $"data {string.Join(" and ", problems)}: a consumer that uses data gets other content than one that reads the blob", RemoveData(layout, descriptor, data));
            }
        }
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        var buffer = new byte[(text.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    // Safe: index.json is not content-addressed, and the blob itself (which verifies) still carries the content.
    private static Fix? RemoveData(LayoutModel layout, DescriptorModel descriptor, JsonNode data)
    {
        if (descriptor.Owner.Kind != DocumentKind.IndexJson || layout.Blobs.For(descriptor) is not { Verified: true } blob
            || (descriptor.Size is { } size && size != blob.Length))
        {
            return null;
        }

        var members = descriptor.Node.Members;
        var index = members.ToList().FindIndex(m => ReferenceEquals(m.Value, data));
        var (start, end) = index > 0
            ? (members[index - 1].Value.End, data.End)
            : members.Count > 1 ? (members[0].NameStart, members[1].NameStart) : (members[0].NameStart, data.End);
        return new Fix("remove data (the blob in blobs/ verifies)", FixSafety.Safe, [JsonEdits.Replace(descriptor.Owner, start, end, "")])
        {
            Description = $"{blob.Path} holds the content; data disagreed with it",
        };
    }
}
