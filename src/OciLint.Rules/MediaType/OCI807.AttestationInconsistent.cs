using OciLint.Core.Deep;
using OciLint.Rules.Support;

namespace OciLint.Rules.MediaType;

/// <summary>moby/buildkit docs/attestations/attestation-storage.md: how an attestation manifest sits in an index.</summary>
public sealed class AttestationInconsistent : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI807", "mediatype/attestation-inconsistent", "BuildKit attestation manifest is inconsistent", Warning, None)
    {
        Description = "An index entry marked as a BuildKit attestation (vnd.docker.reference.type / vnd.docker.reference.digest) breaks the convention: the type is not attestation-manifest, the reference digest names no other entry of the same index, the platform is not unknown/unknown (so runtimes may select it as an image), or its layers are not application/vnd.in-toto+json. docker buildx imagetools, docker scout and docker-library's oci-validate then miss or mis-attach the provenance and SBOM.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.Role != DescriptorRole.IndexEntry)
        {
            return;
        }

        var annotations = descriptor.Node.Get("annotations");
        var type = annotations?.Get(Platforms.AttestationTypeAnnotation);
        var reference = annotations?.Get(ManifestFacts.AttestationDigestAnnotation);
        if (type is null && reference is null)
        {
            return;
        }

        var document = descriptor.Owner;
        if (type is not { IsString: true, Text: Platforms.AttestationManifest })
        {
            // BuildKit: "If any other value is specified, the entire manifest should be ignored."
            context.Report(document, type ?? descriptor.Node, type is null
                ? $"entry {descriptor.Position} has {ManifestFacts.AttestationDigestAnnotation} but no {Platforms.AttestationTypeAnnotation}: attestation readers ignore it"
                : $"entry {descriptor.Position} has {Platforms.AttestationTypeAnnotation} \"{type.Text}\", not \"{Platforms.AttestationManifest}\": BuildKit's readers ignore the whole manifest");
            return;
        }

        if (reference is not { IsString: true, Text: { } digest } || !document.Descriptors.Any(d => d.Role == DescriptorRole.IndexEntry && !ReferenceEquals(d, descriptor) && d.Digest == digest))
        {
            context.Report(document, reference ?? descriptor.Node, reference is { IsString: true }
                ? $"attestation entry {descriptor.Position} refers to {Text.Short(reference.Text)}, which is no other entry of this index: tools cannot tell which image it attests"
                : $"attestation entry {descriptor.Position} has no {ManifestFacts.AttestationDigestAnnotation}: tools cannot tell which image it attests");
        }

        var platform = descriptor.Node.Get("platform");
        if (platform?.GetString("os") != "unknown" || platform.GetString("architecture") != "unknown")
        {
            context.Report(document, platform ?? descriptor.Node, $"attestation entry {descriptor.Position} has platform {Platforms.Key(platform) ?? "(none)"}, not unknown/unknown: runtimes may select it as the image for that platform and fail to run it");
        }

        if (descriptor.Target is { Kind: DocumentKind.Manifest } manifest
            && ManifestFacts.Layers(manifest).Where(l => l.MediaType != LayerMediaTypes.InToto).ToList() is { Count: > 0 } others)
        {
            context.Report(manifest, others[0].Node.Get("mediaType") ?? others[0].Node, $"attestation manifest layer {others[0].Position} is \"{others[0].MediaType}\", not {LayerMediaTypes.InToto}: attestation readers skip it");
        }
    }
}
