using OciLint.Core.Engine;
using OciLint.Core.Layout;
using OciLint.Rules;

namespace OciLint.Tests.Support;

/// <summary>Runs the real engine with the built-in rules.</summary>
public static class Lint
{
    public static LintResult Run(string target, RuleConfiguration? configuration = null, LintSettings? settings = null, IReadOnlyCollection<string>? unreadable = null)
    {
        using var opened = LayoutSources.Open(target);
        ILayoutSource source = unreadable is { Count: > 0 } ? new UnreadableSource(opened, unreadable) : opened;
        return new Linter(BuiltInRules.Rules, configuration ?? new RuleConfiguration()).Lint(source, settings);
    }

    /// <summary>
    /// Denies reading the named files the way the kernel does for a non-root user. Tests run as root in CI,
    /// where chmod 000 denies nothing, so fixtures declare unreadable paths instead.
    /// </summary>
    private sealed class UnreadableSource(ILayoutSource inner, IReadOnlyCollection<string> denied) : ILayoutSource
    {
        public string Target => inner.Target;

        public SourceKind Kind => inner.Kind;

        public IReadOnlyList<LayoutEntry> Entries => inner.Entries;

        public IReadOnlyList<SourceIssue> Issues => inner.Issues;

        public LayoutEntry? Find(string path) => inner.Find(path);

        public Stream OpenRead(LayoutEntry entry) =>
            denied.Contains(entry.Path) ? throw new UnauthorizedAccessException($"Access to the path '{entry.Path}' is denied.") : inner.OpenRead(entry);

        public string? KnownDigest(LayoutEntry entry, string algorithm) => denied.Contains(entry.Path) ? null : inner.KnownDigest(entry, algorithm);

        public void Dispose()
        {
        }
    }
}
