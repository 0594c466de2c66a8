namespace OciLint.Core.Engine;

/// <summary>Per-run settings that rules may read.</summary>
public sealed record LintSettings
{
    /// <summary>Consumer profiles (<c>--target</c>): any, skopeo, crane, umoci, containerd, docker.</summary>
    public IReadOnlySet<string> Targets { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "any" };

    /// <summary>Hash blob contents (off with <c>--no-blobs</c>).</summary>
    public bool VerifyBlobs { get; init; } = true;

    /// <summary>Decompress layers (<c>--deep</c>).</summary>
    public bool Deep { get; init; }

    /// <summary>Hashing parallelism.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    public bool HasTarget(string name) => Targets.Contains(name);
}
