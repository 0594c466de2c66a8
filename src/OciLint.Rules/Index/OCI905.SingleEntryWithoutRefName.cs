using OciLint.Rules.Support;

namespace OciLint.Rules.Index;

/// <summary>The only index.json entry has no ref name: tag-based consumers (umoci, regctl) look for "latest" and fail.</summary>
public sealed class SingleEntryWithoutRefName : Rule
{
    public const string DefaultRefName = "latest";

    /// <summary>The value the fix needs from the user: <c>ocilint fix --ref-name NAME</c>.</summary>
    public const string RequiredInput = "ref-name";

    public override RuleMetadata Metadata { get; } = new("OCI905", "compat/single-entry-without-ref-name", "The only index.json entry has no ref name", Note, Always)
    {
        Description = "Consumers that address images by tag (umoci, regctl) default to \"latest\" and cannot find an untagged single entry.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (!descriptor.InIndexJson || descriptor.RefName is not null || descriptor.Owner.IndexEntryCount != 1)
        {
            return;
        }

        context.Report(
            descriptor.Owner,
            descriptor.Node,
            $"the only entry has no \"{MediaTypes.RefNameAnnotation}\": `umoci` fails with \"tag not found: latest\" and `regctl` with \"could not find entry in index.json\"; skopeo and crane are fine",
            AddRefName(descriptor, context.Settings.FixInput(RequiredInput)));
    }

    /// <summary>
    /// Adds the annotation, creating the annotations map when there is none. The value is the user's
    /// (--ref-name); without one the fix shows what <see cref="DefaultRefName"/> would look like and stays a
    /// suggestion that <c>fix</c> does not apply.
    /// </summary>
    public static Fix AddRefName(DescriptorModel descriptor, string? userRefName)
    {
        var refName = userRefName ?? DefaultRefName;
        var node = descriptor.Node;
        var edit = node.Get("annotations") is { IsObject: true } annotations
            ? JsonEdits.InsertFirstMember(descriptor.Owner, annotations, MediaTypes.RefNameAnnotation, JsonEdits.Quote(refName))
            : node.Get("annotations") is { } other
                ? JsonEdits.ReplaceValue(descriptor.Owner, other, $"{{{JsonEdits.Quote(MediaTypes.RefNameAnnotation)}: {JsonEdits.Quote(refName)}}}")
                : MemberEdits.Insert(descriptor.Owner, node, "annotations", $"{{{JsonEdits.Quote(MediaTypes.RefNameAnnotation)}: {JsonEdits.Quote(refName)}}}");
        var title = userRefName is null ? $"add a ref name, e.g. \"{refName}\"" : $"add ref name \"{refName}\"";
        return new Fix(title, FixSafety.Suggestion, [edit])
        {
            RequiredInput = RequiredInput,
        };
    }
}
