using OciLint.Rules.Support;

namespace OciLint.Rules.Config;

/// <summary>config.md: configurations "SHOULD use, and implementations SHOULD understand, values listed in the Go Language document for GOARCH" (and GOOS, and the variants table).</summary>
public sealed class ConfigPlatformUnknown : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI603", "config/platform-unknown", "Config architecture, os or variant is not a Go / spec value", Warning, None)
    {
        Description = "The config's architecture or os is not a Go GOARCH/GOOS value (x86_64, aarch64, Linux), or its variant is not in the spec's Platform Variants table. Platform matching compares exact strings, so runtimes refuse or mis-select the image. BuildKit attestation configs use unknown/unknown by convention: a note. Variants outside the table (arm/v5) are a note too.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // Missing or non-string values are OCI602's (schema).
        if (document.Kind != DocumentKind.Config || document.Root is not { IsObject: true } root)
        {
            return;
        }

        var os = ManifestFacts.StringMember(root, "os");
        var arch = ManifestFacts.StringMember(root, "architecture");
        if (os?.Value == "unknown" && arch?.Value == "unknown")
        {
            context.Report(document, os.Value.Node, "os/architecture \"unknown/unknown\" is the BuildKit attestation convention, not a Go value: runtimes never select this image (which is the point for attestations)", severity: LayoutFacts.Milder(context, Note));
            return;
        }

        Check(document, os, "os", "GOOS", Platforms.GoOs, context);
        Check(document, arch, "architecture", "GOARCH", Platforms.GoArch, context);
        if (ManifestFacts.StringMember(root, "variant") is { } variant && arch is { } a && Platforms.Variants.TryGetValue(a.Value, out var variants) && !variants.Contains(variant.Value))
        {
            context.Report(
                document,
                variant.Node,
                $"variant \"{variant.Value}\" is not in the spec's Platform Variants table for {a.Value} ({string.Join(", ", variants.Order(StringComparer.Ordinal))}): values outside it are implementation-defined, so platform matching depends on the consumer",
                severity: LayoutFacts.Milder(context, Note));
        }
    }

    private static void Check(JsonDocumentModel document, (string Value, JsonNode Node)? member, string field, string goName, IReadOnlySet<string> known, RuleContext context)
    {
        if (member is not { } m || known.Contains(m.Value))
        {
            return;
        }

        var hint = Platforms.Suggest(m.Value, known) is { } suggestion ? $"; did you mean \"{suggestion}\"?" : "";
        context.Report(document, m.Node, $"{field} \"{m.Value}\" is not a Go {goName} value: runtimes compare platforms as exact strings, so they refuse this image or never select it{hint}");
    }
}
