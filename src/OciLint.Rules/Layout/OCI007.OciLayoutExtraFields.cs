namespace OciLint.Rules.Layout;

/// <summary>image-layout.md: the oci-layout object "MAY include additional fields"; off by default, for teams that want a bare marker.</summary>
public sealed class OciLayoutExtraFields : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI007", "layout/oci-layout-extra-fields", "oci-layout has extra fields", Off, None)
    {
        Description = "Lists members of oci-layout other than imageLayoutVersion. The spec allows them and no consumer reads them; enable this rule to keep the marker file minimal.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.OciLayout || document.Root is not { IsObject: true } root)
        {
            return;
        }

        foreach (var member in root.Members.Where(m => m.Name != "imageLayoutVersion"))
        {
            context.Report(document, member.Value, $"oci-layout carries \"{member.Name}\", which no consumer reads (allowed: \"It MAY include additional fields\")");
        }
    }
}
