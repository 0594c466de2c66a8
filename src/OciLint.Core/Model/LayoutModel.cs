using System.Text.RegularExpressions;
using OciLint.Core.Layout;

namespace OciLint.Core.Model;

public enum GraphIssueKind
{
    Cycle,
    TooDeep,
}

/// <summary>A descriptor the walk refused to follow.</summary>
public sealed record GraphIssue(GraphIssueKind Kind, DescriptorModel Descriptor, string Detail);

/// <summary>Why a referenced JSON blob was not parsed (the blob rules report existence, size and digest).</summary>
public enum UnreadableReason
{
    Missing,
    NotARegularFile,
    TooLarge,
    InvalidDigest,
    ReadError,
}

/// <summary>The whole layout as the walk found it: files, parsed documents and every descriptor.</summary>
public sealed partial class LayoutModel
{
    internal LayoutModel(ILayoutSource source)
    {
        Source = source;
    }

    public ILayoutSource Source { get; }

    public JsonDocumentModel? OciLayout { get; internal set; }

    public JsonDocumentModel? IndexJson { get; internal set; }

    public List<JsonDocumentModel> Documents { get; } = [];

    public List<DescriptorModel> Descriptors { get; } = [];

    public List<GraphIssue> GraphIssues { get; } = [];

    /// <summary>Files that exist but could not be read (permissions, I/O errors), with the reason.</summary>
    public List<(string Path, string Message)> ReadErrors { get; } = [];

    /// <summary>Descriptors whose JSON target could not be read, and why.</summary>
    public Dictionary<DescriptorModel, UnreadableReason> UnreadableTargets { get; } = [];

    public IEnumerable<DescriptorModel> IndexJsonEntries => IndexJson?.Descriptors.Where(d => d.Role == DescriptorRole.IndexEntry) ?? [];

    /// <summary>The grammar of descriptor.md#digests; checked before a digest ever becomes a path.</summary>
    [GeneratedRegex("^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$", RegexOptions.CultureInvariant)]
    public static partial Regex DigestGrammar();

    /// <summary><c>blobs/&lt;alg&gt;/&lt;encoded&gt;</c> for a digest that matches the grammar, else null.</summary>
    public static string? BlobPath(string? digest)
    {
        if (digest is null || !DigestGrammar().IsMatch(digest))
        {
            return null;
        }

        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        return $"blobs/{digest[..colon]}/{digest[(colon + 1)..]}";
    }

    public LayoutEntry? BlobEntry(string? digest) => BlobPath(digest) is { } path ? Source.Find(path) : null;
}
