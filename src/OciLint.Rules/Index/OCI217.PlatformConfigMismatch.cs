using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>An index entry's platform says one thing, the image config it leads to says another.</summary>
public sealed class PlatformConfigMismatch : Rule
{
    private static readonly string[] Compared = ["os", "architecture", "variant", "os.version"];

    public override RuleMetadata Metadata { get; } = new("OCI217", "index/platform-config-mismatch", "Index platform disagrees with the referenced config", Error, Sometimes)
    {
        Description = "An index entry's platform (os, architecture, variant, os.version) differs from the same field of the image config its manifest references. Platform selection then pulls an image built for another machine (for an architecture mismatch, typically \"exec format error\" at run time). crane validate reports \"mismatched OS\" / \"mismatched Architecture\" (it never compares the variant).",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // Attestation manifests are never selected by platform.
        if (descriptor.Node.Get("platform") is not { IsObject: true } platform
            || Platforms.IsAttestation(descriptor)
            || descriptor.Target is not { Kind: DocumentKind.Manifest } manifest
            || LayoutFacts.ConfigOf(manifest) is not { Root: { IsObject: true } config } configDocument)
        {
            return;
        }

        var document = descriptor.Owner;
        foreach (var field in Compared)
        {
            // A field absent on either side is not a disagreement (config variant and os.version are optional).
            if (platform.Get(field) is not { IsString: true } declared || config.GetString(field) is not { } actual || declared.Text == actual || SameValueMisspelt(field, declared.Text!, actual))
            {
                continue;
            }

            var trusted = document.Kind == DocumentKind.IndexJson && PlatformJson.VerifiedConfig(descriptor) is not null;
            var fix = trusted
                ? new Fix($"set platform {field} to \"{actual}\" from the image config", FixSafety.Safe, [JsonEdits.ReplaceValue(document, declared, JsonEdits.Quote(actual))])
                : null;
            context.Report(
                document,
                declared,
                $"platform {field} is \"{declared.Text}\" but the image config ({Text.Short(configDocument.Digest)}) says \"{actual}\": a consumer selecting {field} \"{declared.Text}\" gets an image built for \"{actual}\"{Crane(field)}",
                fix);
        }
    }

    // "x86_64" for a config's "amd64" is one value misspelt, OCI213's finding, not two platforms.
    private static bool SameValueMisspelt(string field, string declared, string actual) => field switch
    {
        "os" => Platforms.Suggest(declared, Platforms.GoOs) == actual,
        "architecture" => Platforms.Suggest(declared, Platforms.GoArch) == actual,
        _ => false,
    };

    // crane's validate package compares these three; it never compares the variant.
    private static string Crane(string field) => field switch
    {
        "os" => " (crane validate: \"mismatched OS\")",
        "architecture" => " (crane validate: \"mismatched Architecture\")",
        "os.version" => " (crane validate: \"mismatched OSVersion\")",
        _ => "",
    };
}
