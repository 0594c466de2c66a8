using System.Globalization;

namespace OciLint.Rules.Config;

/// <summary>config.md, ExposedPorts: "Its keys can be in the format of: port/tcp, port/udp, port with the default protocol being tcp if not specified."</summary>
public sealed class ConfigExposedPorts : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI609", "config/exposed-port-key", "ExposedPorts key is not port, port/tcp or port/udp", Warning, None)
    {
        Description = "A key of config.ExposedPorts is not a port number (1-65535) optionally followed by /tcp or /udp, e.g. \"http\", \"80-90/tcp\" or \"53/sctp\" (Docker accepts sctp, the OCI spec lists only tcp and udp). Runtimes and orchestrators that parse the key skip or reject it.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Config || document.Root?.Get("config")?.Get("ExposedPorts") is not { IsObject: true } ports)
        {
            return;
        }

        foreach (var member in ports.Members)
        {
            var key = member.Name;
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var port = slash < 0 ? key : key[..slash];
            var protocol = slash < 0 ? null : key[(slash + 1)..];
            var portOk = port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit) && int.Parse(port, CultureInfo.InvariantCulture) is >= 1 and <= 65535;
            if (portOk && protocol is null or "tcp" or "udp")
            {
                continue;
            }

            var why = !portOk
                ? $"\"{port}\" is not a port number 1-65535"
                : protocol == "sctp" ? "sctp is a Docker extension; the spec lists only tcp and udp" : $"protocol \"{protocol}\" is neither tcp nor udp";
            context.Report(document.LocationOfName(member), $"ExposedPorts key \"{key}\": {why}; the key must be port, port/tcp or port/udp, otherwise runtimes and orchestrators that parse it skip or reject it", digest: document.Digest, related: document.Chain());
        }
    }
}
