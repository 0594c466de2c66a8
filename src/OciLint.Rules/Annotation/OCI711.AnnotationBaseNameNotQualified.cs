using OciLint.Rules.Support;

namespace OciLint.Rules.Annotation;

/// <summary>annotations.md: base.name "SHOULD be image references in the format defined by distribution/distribution" and "SHOULD be a fully qualified reference name, without any assumed default registry".</summary>
public sealed class AnnotationBaseNameNotQualified : PredefinedAnnotationRule
{
    public override RuleMetadata Metadata { get; } = new("OCI711", "annotation/base-name-not-qualified", "org.opencontainers.image.base.name is not a fully qualified reference", Note, None)
    {
        Description = "The value of org.opencontainers.image.base.name is not a distribution reference, or lacks its registry (alpine:3.19 rather than docker.io/library/alpine:3.19). The spec asks for fully qualified names \"without any assumed default registry\": tools outside Docker's defaults resolve a short name elsewhere or not at all.",
    };

    protected override string Key => "org.opencontainers.image.base.name";

    protected override string? Judge(string value)
    {
        if (ImageReference.Parse(value) is not { } reference)
        {
            return "is not an image reference in the distribution format (registry/repository[:tag][@digest], lowercase repository): base-image tools cannot resolve it";
        }

        return reference.Registry is null
            ? $"names no registry, so each tool assumes its own default; write it fully qualified: \"{ImageReference.Qualify(value)}\""
            : null;
    }
}
