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

    /// <summary>Receives hashing progress (about ten reports a second, and a final one); null for none.</summary>
    public IProgress<Blobs.HashProgress>? HashProgress { get; init; }

    /// <summary>Measure each rule's time (<c>--timing</c>): two clock reads per rule for every part of the layout, so off by default.</summary>
    public bool TimeRules { get; init; }

    public bool HasTarget(string name) => Targets.Contains(name);

    /// <summary>Values the user gave for fixes, by name: "ref-name" (<c>--ref-name</c>), "keep-ref" (<c>--keep-ref</c>).</summary>
    public IReadOnlyDictionary<string, string> FixInputs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? FixInput(string name) => FixInputs.GetValueOrDefault(name);
}
