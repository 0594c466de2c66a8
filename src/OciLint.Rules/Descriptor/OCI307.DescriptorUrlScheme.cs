using System.Text.RegularExpressions;
using OciLint.Rules.Support;

namespace OciLint.Rules.Descriptor;

/// <summary>descriptor.md: urls "Entries SHOULD use the http and https schemes".</summary>
public sealed partial class DescriptorUrlScheme : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI307", "descriptor/url-scheme", "urls entry not http or https", Warning, None)
    {
        Description = "A urls entry with a scheme other than http or https (ftp, file, s3, oci). Consumers that fetch foreign layers from urls speak HTTP only, and a file: URL points at the machine that built the image.",
    };

    public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
        if (descriptor.Node.Get("urls") is not { IsArray: true } urls)
        {
            return;
        }

        foreach (var item in urls.Items.Where(i => i.IsString))
        {
            // Without a scheme, or otherwise not an RFC 3986 URI, the entry is OCI306's.
            if (Scheme().Match(item.Text!) is not { Success: true } match || LayoutFacts.SchemaReports(descriptor.Owner, item.Pointer))
            {
                continue;
            }

            var scheme = match.Groups[1].Value;
            if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(descriptor.Owner, item, $"url \"{item.Text}\" uses the \"{scheme}\" scheme: consumers that fetch from urls (containerd, Docker) speak only http and https");
            }
        }
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();
}
