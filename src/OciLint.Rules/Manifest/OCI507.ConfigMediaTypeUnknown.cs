using OciLint.Rules.Index;
using OciLint.Rules.Support;

namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: an unknown config media type "MUST NOT" be parsed, and "MUST NOT" make an implementation storing or copying the manifest error.</summary>
public sealed class ConfigMediaTypeUnknown : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI507", "manifest/config-media-type-unknown", "config.mediaType is not an image config type (an artifact)", Note, None)
    {
        Description = "config.mediaType is well-formed but not the OCI or Docker image config, the empty descriptor or a Docker plugin config: the manifest is an artifact (Helm chart, signature, SBOM, …). Valid, and OciLint treats the config as opaque bytes as the spec requires, but image tools cannot run it: oci-image-tool fails with \"config validation failed\", umoci unpack refuses it.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // Missing or malformed types are OCI301/OCI302/OCI508's.
        if (descriptor.Role != DescriptorRole.Config
            || descriptor.Owner.Kind != DocumentKind.Manifest
            || descriptor.MediaType is not { } type
            || ManifestFacts.IsKnownConfig(type)
            || !MediaTypeGrammar.IsMatch(type))
        {
            return;
        }

        var artifactType = descriptor.Owner.Root?.GetString("artifactType");
        context.Report(
            descriptor.Owner,
            descriptor.Node.Get("mediaType"),
            $"config media type \"{type}\" is not an image config: this manifest is an artifact{(artifactType is null ? "" : $" ({artifactType})")}, so its config is opaque data (never parsed); oci-image-tool validate fails with \"config validation failed: invalid descriptor MediaType\" and umoci cannot unpack it, while skopeo, crane and oras copy it");
    }
}
