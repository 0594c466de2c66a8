using OciLint.Rules.Support;

namespace OciLint.Rules.Annotation;

/// <summary>annotations.md: org.opencontainers.image.licenses is "License(s) under which contained software is distributed as an SPDX License Expression".</summary>
public sealed class AnnotationLicensesNotSpdx : PredefinedAnnotationRule
{
    public override RuleMetadata Metadata { get; } = new("OCI709", "annotation/licenses-not-spdx", "org.opencontainers.image.licenses is not an SPDX license expression", Note, None)
    {
        Description = "The value of org.opencontainers.image.licenses does not follow the SPDX license expression grammar: lists separated by commas or slashes (\"MIT, Apache-2.0\"), spaces inside an identifier (\"Apache 2.0\"), unbalanced parentheses, operators in mixed case. Only the grammar is checked, not the license list, so \"GPLv2\" passes. SBOM tools and license scanners that read the annotation fail to parse such values.",
    };

    protected override string Key => "org.opencontainers.image.licenses";

    protected override string? Judge(string value) =>
        SpdxExpression.Check(value) is { } problem ? $"is not an SPDX license expression ({problem}); write e.g. \"MIT OR Apache-2.0\"" : null;
}
