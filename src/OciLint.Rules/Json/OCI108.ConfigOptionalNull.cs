using OciLint.Rules.Config;

namespace OciLint.Rules.Json;

/// <summary>config.md: "Any OPTIONAL field MAY also be set to null, which is equivalent to being absent." Off by default, for teams that want no nulls.</summary>
public sealed class ConfigOptionalNull : Rule
{
    private static readonly string[] TopLevel = ["created", "author", "os.version", "os.features", "variant", "config", "history"];
    private static readonly string[] ExecutionFields = ["User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal", "ArgsEscaped"];
    private static readonly string[] HistoryFields = ["created", "author", "created_by", "comment", "empty_layer"];

    public override RuleMetadata Metadata { get; } = new("OCI108", "json/config-optional-null", "null for an OPTIONAL config field", Off, None)
    {
        Description = "An image config sets an OPTIONAL field (author, config.Env, history[].comment, …) to null. The spec allows it and makes it equivalent to absent; enable this rule (a note) to keep nulls out of configs. Nulls outside the config are OCI107's.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // Required fields set to null (architecture, os, rootfs) fail the config schema: that is OCI601-OCI604's finding.
        if (document.Kind != DocumentKind.Config || document.Root is not { IsObject: true } root)
        {
            return;
        }

        Report(document, root, TopLevel, "", context);
        if (root.Get("config") is { IsObject: true } execution)
        {
            Report(document, execution, ExecutionFields, "config.", context);
        }

        if (root.Get("history") is { IsArray: true } history)
        {
            for (var i = 0; i < history.Items.Count; i++)
            {
                if (history.Items[i] is { IsObject: true } item)
                {
                    Report(document, item, HistoryFields, $"history[{i}].", context);
                }
            }
        }
    }

    private static void Report(JsonDocumentModel document, JsonNode obj, string[] fields, string prefix, RuleContext context)
    {
        foreach (var member in obj.Members.Where(m => m.Value.IsNull && fields.Contains(m.Name, StringComparer.Ordinal)))
        {
            context.Report(document, member.Value, $"{prefix}{member.Name} is null, which the spec makes equivalent to absent (\"Any OPTIONAL field MAY also be set to null\"): omit the field instead", severity: ConfigUnknownField.UnknownIsNote(context));
        }
    }
}
