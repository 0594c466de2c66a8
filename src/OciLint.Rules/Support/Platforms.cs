namespace OciLint.Rules.Support;

/// <summary>What image-index.md says about <c>platform</c> values, and how rules compare platforms.</summary>
internal static class Platforms
{
    public const string AttestationTypeAnnotation = "vnd.docker.reference.type";
    public const string AttestationManifest = "attestation-manifest";

    /// <summary>GOOS values of the Go document the spec cites (go.dev/doc/install/source#environment).</summary>
    public static readonly IReadOnlySet<string> GoOs = new HashSet<string>(StringComparer.Ordinal)
    {
        "aix", "android", "darwin", "dragonfly", "freebsd", "illumos", "ios", "js", "linux", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows",
    };

    /// <summary>GOARCH values of the same document.</summary>
    public static readonly IReadOnlySet<string> GoArch = new HashSet<string>(StringComparer.Ordinal)
    {
        "386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64", "ppc64le", "riscv64", "s390x", "wasm",
    };

    /// <summary>The Platform Variants table of image-index.md (main), by architecture.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Variants = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["arm"] = new HashSet<string>(StringComparer.Ordinal) { "v6", "v7", "v8" },
        ["arm64"] = new HashSet<string>(["v8", "v9", .. Enumerable.Range(0, 10).Select(i => $"v8.{i}"), .. Enumerable.Range(0, 6).Select(i => $"v9.{i}")], StringComparer.Ordinal),
        ["amd64"] = new HashSet<string>(StringComparer.Ordinal) { "v1", "v2", "v3", "v4" },
        ["ppc64le"] = new HashSet<string>(StringComparer.Ordinal) { "power8", "power9", "power10" },
        ["riscv64"] = new HashSet<string>(StringComparer.Ordinal) { "rva20u64", "rva22u64", "rva23u64" },
    };

    /// <summary>Names other ecosystems use (uname, Debian, Rust) for a Go value.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["x86_64"] = "amd64",
        ["x86-64"] = "amd64",
        ["x64"] = "amd64",
        ["aarch64"] = "arm64",
        ["armhf"] = "arm",
        ["armel"] = "arm",
        ["armv6l"] = "arm",
        ["armv7l"] = "arm",
        ["i386"] = "386",
        ["i686"] = "386",
        ["x86"] = "386",
        ["ppc64el"] = "ppc64le",
        ["macos"] = "darwin",
        ["osx"] = "darwin",
        ["win"] = "windows",
    };

    /// <summary>A BuildKit attestation manifest, whose platform is "unknown/unknown" by convention.</summary>
    public static bool IsAttestation(DescriptorModel descriptor) =>
        descriptor.Annotation(AttestationTypeAnnotation) == AttestationManifest;

    /// <summary>"did you mean" for a value outside a set: a case-insensitive match or a known alias.</summary>
    public static string? Suggest(string value, IReadOnlySet<string> known)
    {
        if (known.FirstOrDefault(k => k.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } cased)
        {
            return cased;
        }

        return Aliases.TryGetValue(value, out var alias) && known.Contains(alias) ? alias : null;
    }

    /// <summary>os/architecture[/variant][ os.version][ +features], for comparing and printing platforms; null for a non-object.</summary>
    public static string? Key(JsonNode? platform)
    {
        if (platform is not { IsObject: true })
        {
            return null;
        }

        var key = $"{platform.GetString("os") ?? "?"}/{platform.GetString("architecture") ?? "?"}";
        if (platform.GetString("variant") is { } variant)
        {
            key += "/" + variant;
        }

        if (platform.GetString("os.version") is { } version)
        {
            key += " " + version;
        }

        if (platform.Get("os.features") is { IsArray: true } features)
        {
            var names = features.Items.Where(i => i.IsString).Select(i => i.Text!).Order(StringComparer.Ordinal).ToList();
            if (names.Count > 0)
            {
                key += " +" + string.Join("+", names);
            }
        }

        return key;
    }
}
