using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>The only index.json entry has no ref name: tag-based consumers (umoci, regctl) look for "latest" and fail.</summary>
public sealed class SingleEntryWithoutRefName : Rule
{
    public const string DefaultRefName = "latest";

    public override RuleMetadata Metadata { get; } = new("OCI905", "compat/single-entry-without-ref-name", "The only index.json entry has no ref name", Note, Always)
    {
        Description = "Consumers that address images by tag (umoci, regctl) default to \"latest\" and cannot find an untagged single entry.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (!descriptor.InIndexJson || descriptor.RefName is not null || descriptor.Owner.Descriptors.Count(d => d.Role == DescriptorRole.IndexEntry) != 1)
        {
            return;
        }

        var severity = context.Settings.HasTarget("umoci") ? Error : (Severity?)null;
        context.Report(
            descriptor.Owner,
            descriptor.Node,
            $"the only entry has no \"{MediaTypes.RefNameAnnotation}\": `umoci` fails with \"tag not found: latest\" and `regctl` with \"could not find entry in index.json\"; skopeo and crane are fine",
            AddRefName(descriptor, DefaultRefName),
            severity);
    }

    /// <summary>Adds the annotation, creating the annotations map when there is none. The value is the user's (--ref-name).</summary>
    public static Fix AddRefName(DescriptorModel descriptor, string refName)
    {
        var node = descriptor.Node;
        var edit = node.Get("annotations") is { IsObject: true } annotations
            ? JsonEdits.InsertFirstMember(descriptor.Owner, annotations, MediaTypes.RefNameAnnotation, JsonEdits.Quote(refName))
            : node.Get("annotations") is { } other
                ? JsonEdits.ReplaceValue(descriptor.Owner, other, $"{{{JsonEdits.Quote(MediaTypes.RefNameAnnotation)}: {JsonEdits.Quote(refName)}}}")
                : JsonEdits.Replace(descriptor.Owner, node.End - 1, node.End - 1, $", \"annotations\": {{{JsonEdits.Quote(MediaTypes.RefNameAnnotation)}: {JsonEdits.Quote(refName)}}}");
        return new Fix($"add ref name \"{refName}\" (choose with --ref-name)", FixSafety.Suggestion, [edit])
        {
            RequiredInput = "ref-name",
        };
    }
}
