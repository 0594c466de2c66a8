using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>image-index.md: "Image indexes SHOULD use, and implementations SHOULD understand, values listed in the Go Language document for GOARCH" (and GOOS).</summary>
public sealed class PlatformUnknownOsArch : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI213", "index/platform-unknown-os-arch", "platform os or architecture is not a Go GOOS/GOARCH value", Warning, None)
    {
        Description = "platform.os or platform.architecture is not one of the Go GOOS/GOARCH values the spec points to (e.g. x86_64 instead of amd64, Linux instead of linux). Platform matching compares exact strings, so such an entry never matches a real machine. BuildKit attestation manifests use unknown/unknown by convention: a note.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.Node.Get("platform") is not { IsObject: true } platform)
        {
            return;
        }

        Check(descriptor, platform.Get("os"), "os", "GOOS", Platforms.GoOs, context);
        Check(descriptor, platform.Get("architecture"), "architecture", "GOARCH", Platforms.GoArch, context);
    }

    private static void Check(DescriptorModel descriptor, JsonNode? node, string field, string goName, IReadOnlySet<string> known, RuleContext context)
    {
        // Missing or non-string values are OCI212's.
        if (node is not { IsString: true } || known.Contains(node.Text!))
        {
            return;
        }

        var value = node.Text!;
        if (value == "unknown" && Platforms.IsAttestation(descriptor))
        {
            context.Report(descriptor.Owner, node, $"platform {field} \"unknown\" marks a BuildKit attestation manifest (a convention, not a {goName} value): platform-aware consumers skip it", severity: LayoutFacts.Milder(context, Note));
            return;
        }

        var hint = Platforms.Suggest(value, known) is { } suggestion ? $"; did you mean \"{suggestion}\"?" : "";
        context.Report(descriptor.Owner, node, $"platform {field} \"{value}\" is not a Go {goName} value: platform matching compares exact strings, so no consumer selects this entry for a real machine{hint}");
    }
}
