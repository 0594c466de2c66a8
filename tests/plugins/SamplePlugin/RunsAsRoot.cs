using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Core.Model;
using OciLint.Core.Rules;

namespace SamplePlugin;

/// <summary>An image whose config names no user (or root) starts its containers as root.</summary>
public sealed class RunsAsRoot : Rule
{
    public override RuleMetadata Metadata { get; } = new("SMP001", "sample/runs-as-root", "Image runs as root", Severity.Warning, FixAvailability.None)
    {
        Description = "The image config sets no User, or sets root or 0, so every container of the image runs as root unless the runtime overrides it.",
        HelpUri = new Uri("https://github.com/ocilint/ocilint/tree/main/tests/plugins/SamplePlugin"),
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Config || document.Root is not { IsObject: true } root)
        {
            return;
        }

        var user = root.Get("config")?.GetString("User");
        if (string.IsNullOrEmpty(user) || user is "root" or "0" || user.StartsWith("root:", StringComparison.Ordinal) || user.StartsWith("0:", StringComparison.Ordinal))
        {
            var shown = string.IsNullOrEmpty(user) ? "no User" : $"User \"{user}\"";
            context.Report(document, "/config/User", $"the image config has {shown}: its containers run as root; set a non-root user (Dockerfile USER 65532)");
        }
    }
}
