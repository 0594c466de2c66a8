using System.Text.RegularExpressions;

namespace OciLint.Rules.Annotation;

/// <summary>distribution-spec: a tag "MUST be at most 128 characters in length and MUST match [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}"; the OCI ref.name grammar allows more.</summary>
public sealed partial class RefNameNotRegistryTag : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI714", "annotation/ref-name-not-registry-tag", "ref.name is valid but cannot be a registry tag", Note, None)
    {
        Description = "An index.json ref name the OCI grammar accepts but a registry does not take as a tag: '+' (1.0+build.5), '@' (v1@sha256:…), longer than 128 characters. Harmless inside the layout, but pushing by that name (skopeo copy oci:DIR:NAME docker://REPO:NAME, crane push) fails. Full image references (registry/repo:tag) are OCI713's.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        // Names the grammar rejects are OCI712's, full references OCI713's.
        if (!descriptor.InIndexJson
            || RefNames.Member(descriptor, out _) is not { } member
            || member.Value.Text is not { } value
            || !RefNames.IsValid(value)
            || RefNameFullReference.Split(value) is not null
            || RegistryTag().IsMatch(value))
        {
            return;
        }

        var why = value.Length > 128
            ? $"is {value.Length} characters long (a tag has at most 128)"
            : $"contains {string.Join(", ", value.Where(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')).Distinct().Select(c => $"'{c}'"))}, which a registry tag cannot";
        context.Report(descriptor.Owner, member.Value, $"ref name \"{value}\" is valid in the layout but {why}: pushing by this name (`skopeo copy oci:DIR:{value} docker://REPO:{value}`, crane push) fails with an invalid tag error");
    }

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryTag();
}
