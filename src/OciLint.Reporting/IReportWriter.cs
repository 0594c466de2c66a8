namespace OciLint.Reporting;

/// <summary>Renders a <see cref="ReportContext"/> in one format. Writers are stateless; the output is expected to be UTF-8.</summary>
public interface IReportWriter
{
    /// <summary>The name used with <c>--format</c>.</summary>
    string Format { get; }

    /// <summary>The usual file extension, without the dot (for <c>--output</c> defaults and golden files).</summary>
    string FileExtension { get; }

    void Write(ReportContext context, TextWriter output);
}

/// <summary>The built-in writers, by format name.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new TextReportWriter(),
        new JsonReportWriter(),
        new SarifReportWriter(),
        new JUnitReportWriter(),
        new GitHubReportWriter(),
    ];

    public static IReadOnlyList<string> Formats { get; } = [.. All.Select(w => w.Format)];

    public static IReportWriter? Find(string format) =>
        All.FirstOrDefault(w => w.Format.Equals(format, StringComparison.OrdinalIgnoreCase));
}
