namespace OciLint.Rules.Config;

/// <summary>config.md: Memory, MemorySwap, CpuShares and Healthcheck are "reserved for use, to maintain compatibility" with Docker.</summary>
public sealed class ConfigReservedField : Rule
{
    private static readonly string[] Reserved = ["Memory", "MemorySwap", "CpuShares", "Healthcheck"];

    public override RuleMetadata Metadata { get; } = new("OCI612", "config/reserved-docker-field", "Reserved Docker field in an OCI image config", Off, None)
    {
        Description = "An OCI image config (not a Docker one) sets config.Memory, MemorySwap, CpuShares or Healthcheck. The spec reserves these for Docker compatibility: OCI runtimes ignore them, Docker may honour them. Off by default; enable it to find images whose health check or limits only Docker applies.",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        // In a Docker config (application/vnd.docker.container.image.v1+json) these are ordinary fields.
        if (document.Kind != DocumentKind.Config || document.DeclaredMediaType != MediaTypes.ImageConfig || document.Root?.Get("config") is not { IsObject: true } config)
        {
            return;
        }

        foreach (var member in config.Members.Where(m => Reserved.Contains(m.Name, StringComparer.Ordinal) && !m.Value.IsNull))
        {
            context.Report(document, member.Value, $"config.{member.Name} is reserved for Docker compatibility: OCI runtimes (runc via containerd, podman, cri-o) ignore it, Docker may apply it, so the image behaves differently by runtime");
        }
    }
}
