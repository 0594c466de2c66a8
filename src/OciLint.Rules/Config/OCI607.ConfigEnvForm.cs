namespace OciLint.Rules.Config;

/// <summary>config.md, Env: "Entries are in the format of VARNAME=VARVALUE." (the Go reference validator checks ^[^=]+=.*$).</summary>
public sealed class ConfigEnvForm : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI607", "config/env-form", "config.Env entry is not VARNAME=VARVALUE", Error, None)
    {
        Description = "An entry of config.Env has no '=' or an empty name (\"PATH\", \"=value\"). Runtimes split each entry at the first '=': runc rejects an entry without one (\"invalid environment variable\"), others drop or mangle it.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Config || document.Root?.Get("config")?.Get("Env") is not { IsArray: true } env)
        {
            return;
        }

        for (var i = 0; i < env.Items.Count; i++)
        {
            // Non-string entries are OCI601's (schema).
            if (env.Items[i] is not { IsString: true, Text: { } entry })
            {
                continue;
            }

            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                continue;
            }

            var why = equals < 0 ? "has no '='" : "has an empty variable name";
            context.Report(document, env.Items[i], $"Env[{i}] \"{entry}\" {why}: entries must be VARNAME=VARVALUE; runc refuses to start the container (\"invalid environment variable\") and other runtimes drop or mangle the entry");
        }
    }
}
