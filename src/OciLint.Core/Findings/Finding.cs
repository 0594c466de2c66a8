using OciLint.Core.Fixes;

namespace OciLint.Core.Findings;

/// <summary>One problem found by one rule at one location.</summary>
public sealed record Finding(string RuleId, Severity Severity, string Message, Location Location)
{
    /// <summary>Digest of the document the location is in, or of the blob concerned; part of the fingerprint.</summary>
    public string? Digest { get; init; }

    /// <summary>The descriptor chain that led to the location (index.json entry, nested index, ...).</summary>
    public IReadOnlyList<Location> Related { get; init; } = [];

    public Fix? Fix { get; init; }

    /// <summary>True when a baseline or an ignore entry accepts this finding.</summary>
    public string? SuppressedBy { get; init; }

    /// <summary>A stable identity that survives reformatting: rule id + digest + JSON Pointer, never a line number.</summary>
    public string Fingerprint => Fingerprints.Of(RuleId, Location.File, Digest, Location.Pointer);
}

public static class Fingerprints
{
    public static string Of(string ruleId, string file, string? digest, string? pointer)
    {
        // Blobs are named by digest already; for index.json/oci-layout the file name is the stable anchor.
        var anchor = digest ?? file;
        var text = $"{ruleId}|{anchor}|{pointer ?? ""}";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
