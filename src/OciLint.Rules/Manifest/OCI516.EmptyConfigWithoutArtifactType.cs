using OciLint.Rules.Support;

namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: artifactType "MUST be set when config.mediaType is set to the empty value".</summary>
public sealed class EmptyConfigWithoutArtifactType : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI516", "manifest/empty-config-without-artifact-type", "Empty config without artifactType", Error, None)
    {
        Description = "config.mediaType is application/vnd.oci.empty.v1+json but the manifest has no artifactType. With an empty config the artifactType is the only statement of what the artifact is; the referrers API and tools such as oras filter on it.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // artifactType: null is OCI107's, a malformed one OCI515's.
        if (document.Kind != DocumentKind.Manifest
            || document.Root is not { IsObject: true } root
            || root.Get("artifactType") is not null
            || ManifestFacts.Config(document) is not { MediaType: MediaTypes.Empty })
        {
            return;
        }

        context.Report(
            document,
            "/artifactType",
            $"config.mediaType is the empty descriptor ({MediaTypes.Empty}) but the manifest has no artifactType: the spec requires it then (\"If the config.mediaType is set to the empty value, the artifactType MUST be defined\"); `oras discover` and registries' referrers listings show such an artifact without a type");
    }
}
