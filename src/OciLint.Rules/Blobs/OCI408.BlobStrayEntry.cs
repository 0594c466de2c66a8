using OciLint.Core.Blobs;
using OciLint.Core.Layout;

namespace OciLint.Rules.Blobs;

/// <summary>Names under blobs/ that are not &lt;alg&gt;/&lt;encoded&gt; per the digest grammar: temp files, uppercase, wrong lengths, unknown algorithm folders.</summary>
public sealed class BlobStrayEntry : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI408", "blob/stray-entry", "Entry under blobs/ not named <alg>/<encoded>", Error, None)
    {
        Description = "The names of the algorithm folders and blob files MUST match the digest grammar. Stray files (interrupted uploads, misnamed copies) are accepted silently by skopeo, umoci and oci-image-tool.",
    };

    public override void CheckLayout(LayoutModel layout, RuleContext context)
    {
        var usedAlgorithms = layout.Blobs.Records.Where(b => b.IsReferenced).Select(b => b.Algorithm).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in AlgorithmFolders(layout.Source))
        {
            var name = folder[("blobs/".Length)..];
            if (!AlgorithmGrammar(name))
            {
                context.Report(Location.ForFile(folder), $"folder \"{name}\" is not an algorithm name (lowercase letters and digits, joined by + . _ -); nothing in it is a blob any consumer can find");
            }
            else if (!Digests.IsRegistered(name) && !usedAlgorithms.Contains(name))
            {
                context.Report(Location.ForFile(folder), $"\"{name}\" is not a registered digest algorithm and no descriptor uses it: its files are unreachable leftovers", severity: Warning);
            }
        }

        foreach (var blob in layout.Blobs.Records)
        {
            // Referenced malformed names are the descriptor's problem (OCI401/OCI402); content in the wrong folder is OCI412's.
            if (blob.HasDigestName || blob.IsReferenced || blob.Entry is null || !AlgorithmGrammar(blob.Algorithm) || Misplaced(blob))
            {
                continue;
            }

            var reason = NameProblem(blob);
            if (BlobText.LooksLikeLeftover(blob.Encoded))
            {
                context.Report(Location.ForFile(blob.Path), $"\"{blob.Encoded}\" {reason}; it looks like an interrupted write (a temporary or partial file left behind)", severity: Warning);
            }
            else
            {
                context.Report(Location.ForFile(blob.Path), $"\"{blob.Encoded}\" {reason}");
            }
        }
    }

    private static string NameProblem(BlobRecord blob)
    {
        if (blob.Form == DigestForm.Invalid)
        {
            return "is not a digest's encoded part (letters, digits, = _ - only)";
        }

        var length = Digests.Registered[blob.Algorithm];
        if (blob.Encoded.Length == length && blob.Encoded.All(char.IsAsciiHexDigit))
        {
            var lower = blob.Algorithm + ":" + blob.Encoded.ToLowerInvariant();
            return blob.ComputedDigest == lower
                ? $"uses uppercase hex: its content is {lower}, so it belongs at blobs/{blob.Algorithm}/{blob.Encoded.ToLowerInvariant()}"
                : "uses uppercase hex ([A-F] MUST NOT be used)";
        }

        return $"is not {length} lowercase hex characters, as a {blob.Algorithm} name must be";
    }

    private static bool Misplaced(BlobRecord blob) =>
        blob.Computed.Any(c => c.Key != blob.Algorithm && c.Value == c.Key + ":" + blob.Encoded.ToLowerInvariant());

    /// <summary>blobs/&lt;x&gt; folders, including those a tar only implies through the paths of its members.</summary>
    private static IEnumerable<string> AlgorithmFolders(ILayoutSource source)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in source.Entries)
        {
            var parts = entry.Path.Split('/');
            if (parts[0] == "blobs" && (parts.Length > 2 || (parts.Length == 2 && entry.Kind == EntryKind.Directory)))
            {
                folders.Add("blobs/" + parts[1]);
            }
        }

        return folders;
    }

    private static bool AlgorithmGrammar(string name) => LayoutModel.DigestGrammar().IsMatch(name + ":x");
}
