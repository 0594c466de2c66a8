using System.Text;
using OciLint.Rules.Support;

namespace OciLint.Rules.Annotation;

/// <summary>annotations.md: "A valid reference matches the following grammar" (ref, component, alphanum, separator).</summary>
public sealed class RefNameGrammar : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI712", "annotation/ref-name-grammar", "ref.name violates the reference grammar", Error, Sometimes)
    {
        Description = "An org.opencontainers.image.ref.name in index.json that the spec's grammar rejects: empty, a comma-separated list (BuildKit before v0.19), a leading or trailing separator, spaces. umoci refuses such a tag (\"tag contains invalid characters\") and skopeo cannot address it (\"Invalid image\").",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (!descriptor.InIndexJson || RefNames.Member(descriptor, out var annotations) is not { } member || RefNames.IsValid(member.Value.Text!))
        {
            return;
        }

        var document = descriptor.Owner;
        var value = member.Value.Text!;
        var parts = value.Split(',').Select(p => p.Trim()).ToList();
        Fix? fix = null;
        string problem;
        if (value.Length == 0)
        {
            problem = "is empty";
            fix = new Fix("remove the empty ref name", FixSafety.Safe, [MemberEdits.Remove(document, annotations!, member)]);
        }
        else if (parts.Count > 1 && parts.All(p => p.Length > 0 && RefNames.IsValid(p)))
        {
            var names = parts.Distinct(StringComparer.Ordinal).ToList();
            problem = "is a comma-separated list of names (what BuildKit before v0.19 wrote for several tags, moby/buildkit#5572)";
            fix = new Fix($"split entry {descriptor.Position} into one entry per name ({Text.Quoted(names)})", FixSafety.Safe, [Split(document, descriptor, member, names)]);
        }
        else
        {
            problem = "does not match the grammar (alphanumeric components joined by one of - . _ : @ + or by --, separated by /)";
        }

        context.Report(document, member.Value, $"ref name \"{value}\" {problem}: umoci refuses it (\"tag contains invalid characters\") and skopeo cannot address it (\"Invalid image\")", fix);
    }

    // One copy of the entry per name, byte for byte except the ref name: member order, other annotations and formatting survive.
    private static TextReplacement Split(JsonDocumentModel document, DescriptorModel entry, JsonMember member, IReadOnlyList<string> names)
    {
        var manifests = document.Root!.Get("manifests")!;
        var node = entry.Node;
        var before = MemberEdits.Slice(document, node.Start, member.Value.Start);
        var after = MemberEdits.Slice(document, member.Value.End, node.End);
        var separator = MemberEdits.ItemSeparator(document, manifests);
        var text = new StringBuilder();
        foreach (var name in names)
        {
            text.Append(text.Length > 0 ? separator : "").Append(before).Append(JsonEdits.Quote(name)).Append(after);
        }

        return JsonEdits.Replace(document, node.Start, node.End, text.ToString());
    }
}
