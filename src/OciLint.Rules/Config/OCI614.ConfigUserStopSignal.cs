using System.Text.RegularExpressions;

namespace OciLint.Rules.Config;

/// <summary>config.md: StopSignal "in the format SIGNAME, for instance SIGKILL or SIGRTMIN+3"; User: "user, uid, user:group, uid:gid, uid:group, user:gid".</summary>
public sealed partial class ConfigUserStopSignal : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI614", "config/user-stop-signal-format", "config.User or config.StopSignal in an unexpected format", Note, None)
    {
        Description = "config.StopSignal is not a SIGNAME (SIGTERM, SIGRTMIN+3; Docker also accepts a number or a name without SIG), or, on Linux, config.User is not user, uid, user:group or uid:gid (an empty part, several colons, spaces). Runtimes read such values inconsistently when the container starts or stops.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Config || document.Root?.Get("config") is not { IsObject: true } config)
        {
            return;
        }

        if (config.Get("StopSignal") is { IsString: true, Text: { Length: > 0 } signal } stopNode && !SignalName().IsMatch(signal))
        {
            var hint = signal.All(char.IsAsciiDigit) ? " (a number: Docker and containerd accept it, the spec asks for a name)" : SignalName().IsMatch("SIG" + signal.ToUpperInvariant()) ? $" (did you mean \"SIG{signal.ToUpperInvariant()}\"?)" : "";
            context.Report(document, stopNode, $"StopSignal \"{signal}\" is not in the SIGNAME format (SIGTERM, SIGRTMIN+3){hint}; runtimes that parse only names fail to stop the container");
        }

        // Windows user names ("ContainerUser", "NT AUTHORITY\SYSTEM") follow other rules.
        if (document.Root.GetString("os") is "linux" or null && config.Get("User") is { IsString: true, Text: { Length: > 0 } user } userNode && !LinuxUser().IsMatch(user))
        {
            context.Report(document, userNode, $"User \"{user}\" is not user, uid, user:group, uid:gid, uid:group or user:gid: runtimes read it inconsistently (an empty part is ignored by some and rejected by others, extra colons fail the lookup with \"unable to find user\")");
        }
    }

    [GeneratedRegex(@"^SIG(?:[A-Z0-9]+|RTMIN(?:\+[0-9]+)?|RTMAX(?:-[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex SignalName();

    [GeneratedRegex(@"^[^:\s]+(?::[^:\s]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LinuxUser();
}
