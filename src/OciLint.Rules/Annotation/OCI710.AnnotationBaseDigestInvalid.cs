using OciLint.Core.Blobs;

namespace OciLint.Rules.Annotation;

/// <summary>annotations.md: org.opencontainers.image.base.digest is the "Digest of the image this image is based on".</summary>
public sealed class AnnotationBaseDigestInvalid : PredefinedAnnotationRule
{
    public override RuleMetadata Metadata { get; } = new("OCI710", "annotation/base-digest-invalid", "org.opencontainers.image.base.digest is not a valid digest", Warning, None)
    {
        Description = "The value of org.opencontainers.image.base.digest is not a digest (descriptor.md grammar, and lowercase hex of the right length for sha256/sha512): a tag, a bare hex string, uppercase hex. Base-image update bots (Dependabot, Renovate, docker scout) compare it with the base image's digest and ignore malformed values.",
    };

    protected override string Key => "org.opencontainers.image.base.digest";

    protected override string? Judge(string value) => Digests.Classify(value) switch
    {
        DigestForm.Invalid when value.Length == 64 && value.All(char.IsAsciiHexDigit) => $"is a bare hex string; did you mean \"sha256:{value.ToLowerInvariant()}\"?",
        DigestForm.Invalid => "is not a digest (algorithm:encoded, e.g. sha256:…): base-image update tools ignore it",
        DigestForm.MalformedEncoded => "breaks its algorithm's rule (lowercase hex of the registered length): base-image update tools cannot compare it",
        _ => null,
    };
}
