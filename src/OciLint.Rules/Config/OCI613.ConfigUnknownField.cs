namespace OciLint.Rules.Config;

/// <summary>config.md: "Any extra fields in the Image JSON struct are considered implementation specific and MUST NOT generate an error".</summary>
public sealed class ConfigUnknownField : Rule
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal)
    {
        "created", "author", "architecture", "os", "os.version", "os.features", "variant", "config", "rootfs", "history",
    };

    private static readonly HashSet<string> ExecutionFields = new(StringComparer.Ordinal)
    {
        "User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal", "ArgsEscaped",
        "Memory", "MemorySwap", "CpuShares", "Healthcheck",
    };

    public override RuleMetadata Metadata { get; } = new("OCI613", "config/unknown-field", "Field the OCI config spec does not define", Off, None)
    {
        Description = "An OCI image config carries a member config.md does not define (at the top level or in config), such as Docker's container_config or docker_version, or a misspelt field. Allowed (it MUST NOT cause an error) and ignored by consumers; off by default, a note when enabled, useful to catch typos such as \"Entrypoint\" spelt \"EntryPoint\".",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // Docker configs define many more fields (container, container_config, docker_version, …).
        if (document.Kind != DocumentKind.Config || document.DeclaredMediaType != MediaTypes.ImageConfig || document.Root is not { IsObject: true } root)
        {
            return;
        }

        foreach (var member in root.Members.Where(m => !TopLevel.Contains(m.Name)))
        {
            Report(document, member, "", TopLevel, context);
        }

        if (root.Get("config") is { IsObject: true } config)
        {
            foreach (var member in config.Members.Where(m => !ExecutionFields.Contains(m.Name)))
            {
                Report(document, member, "config.", ExecutionFields, context);
            }
        }
    }

    /// <summary>Unknown fields "MUST NOT generate an error": enabling the rule without a level (which gives warning) reports notes.</summary>
    internal static Severity? UnknownIsNote(RuleContext context) => context.Severity == Warning ? Note : null;

    private static void Report(JsonDocumentModel document, JsonMember member, string prefix, HashSet<string> known, RuleContext context)
    {
        var cased = known.FirstOrDefault(k => k.Equals(member.Name, StringComparison.OrdinalIgnoreCase));
        var hint = cased is null ? "" : $"; did you mean \"{cased}\"? (field names are case-sensitive)";
        context.Report(document.LocationOfName(member), $"{prefix}{member.Name} is not a field of the OCI image config: consumers ignore it{hint}", digest: document.Digest, severity: UnknownIsNote(context), related: document.Chain());
    }
}
