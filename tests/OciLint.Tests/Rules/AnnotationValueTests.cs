using OciLint.Rules.Annotation;
using OciLint.Rules.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>The value grammars behind OCI706, OCI709 and OCI711, on more cases than the fixtures hold.</summary>
public sealed class AnnotationValueTests
{
    [Theory]
    [InlineData("MIT")]
    [InlineData("Apache-2.0 OR MIT")]
    [InlineData("GPL-2.0+")]
    [InlineData("(MIT OR Apache-2.0) AND BSD-3-Clause")]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("LicenseRef-Proprietary")]
    [InlineData("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2")]
    [InlineData("((MIT))")]
    [InlineData("NOASSERTION")]
    public void Spdx_Expression_Parses(string value) => SpdxExpression.Check(value).ShouldBeNull();

    [Theory]
    [InlineData("MIT, Apache-2.0", "is not an operator")]
    [InlineData("MIT/Apache-2.0", "is not an operator")]
    [InlineData("Apache 2.0", "follow each other")]
    [InlineData("MIT or Apache-2.0", "must be written OR")]
    [InlineData("MIT And Apache-2.0", "must be written AND")]
    [InlineData("(MIT OR Apache-2.0", "not closed")]
    [InlineData("MIT)", "no opening one")]
    [InlineData("MIT AND", "ends where a license identifier is expected")]
    [InlineData("MIT WITH", "WITH must be followed")]
    [InlineData("OR MIT", "stands where a license identifier is expected")]
    [InlineData("", "empty")]
    public void Spdx_Expression_Fails_With_Reason(string value, string reason) => SpdxExpression.Check(value).ShouldNotBeNull().ShouldContain(reason);

    [Theory]
    [InlineData("org.opencontainers.image.created_at", "org.opencontainers.image.created")]
    [InlineData("org.opencontainers.image.Created", "org.opencontainers.image.created")]
    [InlineData("org.opencontainers.image.licence", "org.opencontainers.image.licenses")]
    [InlineData("org.opencontainers.image.ref", "org.opencontainers.image.ref.name")]
    [InlineData("org.opencontainers.image.vcs-ref", "org.opencontainers.image.revision")]
    [InlineData("org.opencontainers.image.base_name", "org.opencontainers.image.base.name")]
    [InlineData("org.opencontainers.image.sorce", "org.opencontainers.image.source")]
    [InlineData("oci.opencontainers.image.created", "org.opencontainers.image.created")]
    [InlineData("org.opencontainer.image.version", "org.opencontainers.image.version")]
    public void Misspelt_Reserved_Key_Gets_A_Suggestion(string key, string meant) =>
        AnnotationReservedKeyUnknown.Diagnose(key).ShouldNotBeNull().ShouldContain($"did you mean \"{meant}\"?");

    [Theory]
    [InlineData("org.opencontainers.image.ref.name")]
    [InlineData("org.opencontainers.artifact.created")]
    [InlineData("com.example.created")]
    [InlineData("io.containerd.image.name")]
    public void Other_Keys_Are_Not_Reported(string key) => AnnotationReservedKeyUnknown.Diagnose(key).ShouldBeNull();

    [Fact]
    public void Unrelated_Reserved_Key_Is_Reported_Without_A_Guess() =>
        AnnotationReservedKeyUnknown.Diagnose("org.opencontainers.image.zzzzzzzzzzzz").ShouldNotBeNull().ShouldNotContain("did you mean");

    [Theory]
    [InlineData("docker.io/library/alpine:3.19", "docker.io", "library/alpine", "3.19")]
    [InlineData("localhost:5000/app@sha256:0123456789abcdef0123456789abcdef", "localhost:5000", "app", null)]
    [InlineData("ghcr.io/org/app", "ghcr.io", "org/app", null)]
    [InlineData("alpine:3.19", null, "alpine", "3.19")]
    [InlineData("library/alpine", null, "library/alpine", null)]
    public void Image_Reference_Parses(string value, string? registry, string repository, string? tag)
    {
        var reference = ImageReference.Parse(value).ShouldNotBeNull();
        reference.Registry.ShouldBe(registry);
        reference.Repository.ShouldBe(repository);
        reference.Tag.ShouldBe(tag);
    }

    [Theory]
    [InlineData("docker.io/Library/Alpine")]
    [InlineData("alpine:3.19:extra")]
    [InlineData("docker.io/alpine:")]
    [InlineData("")]
    public void Image_Reference_Rejects(string value) => ImageReference.Parse(value).ShouldBeNull();
}
