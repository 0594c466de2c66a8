namespace OciLint.Rules.Config;

/// <summary>config.md, ArgsEscaped: "[Deprecated] - This field is present only for legacy compatibility with Docker and should not be used by new image builders."</summary>
public sealed class ConfigArgsEscaped : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI611", "config/args-escaped", "Deprecated config.ArgsEscaped present", Note, None)
    {
        Description = "config.ArgsEscaped is set. It only tells Windows runtimes that Entrypoint/Cmd already hold an escaped command line; the spec deprecates it. Docker and BuildKit still write it for shell-form CMD, so this is advice for builder authors.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // null means absent (config.md: "Any OPTIONAL field MAY also be set to null").
        if (document.Kind != DocumentKind.Config || document.Root?.Get("config")?.Get("ArgsEscaped") is not { IsNull: false } node)
        {
            return;
        }

        var windows = document.Root.GetString("os") == "windows";
        context.Report(document, node, $"ArgsEscaped is deprecated (\"should not be used by new image builders\"){(windows ? "; on Windows it makes the runtime pass Cmd/Entrypoint as one pre-escaped command line" : "; outside Windows runtimes ignore it")}");
    }
}
