using System.Text.RegularExpressions;

namespace OciLint.Rules.Annotation;

internal static partial class RefNames
{
    /// <summary>annotations.md ref grammar: components of alphanumerics joined by [-._:@+] or "--", separated by "/".</summary>
    public static bool IsValid(string value) => Grammar().IsMatch(value);

    /// <summary>The ref.name member of a descriptor's annotations (first occurrence, as OciLint reads everywhere).</summary>
    public static JsonMember? Member(DescriptorModel descriptor, out JsonNode? annotations)
    {
        annotations = descriptor.Node.Get("annotations") is { IsObject: true } map ? map : null;
        return annotations?.GetStringMember(MediaTypes.RefNameAnnotation);
    }

    [GeneratedRegex("^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
