using System.Globalization;
using System.Text;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Layout;

namespace OciLint.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), which the runner turns into annotations.
/// Escaping follows <c>@actions/core</c> (<c>command.ts</c>): data escapes <c>% \r \n</c>, property values also <c>: ,</c>.
/// Suppressed findings are left out.
/// </summary>
public sealed class GitHubReportWriter : IReportWriter
{
    public string Format => "github";

    public string FileExtension => "txt";

    public void Write(ReportContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var rules = new RuleLookup(context);
        foreach (var lint in context.Results)
        {
            foreach (var finding in lint.Findings.Where(f => f.SuppressedBy is null && f.Severity != Severity.Off))
            {
                var command = finding.Severity switch
                {
                    Severity.Error => "error",
                    Severity.Warning => "warning",
                    _ => "notice",
                };
                var location = finding.Location;
                var properties = new List<(string, string)>
                {
                    ("file", ReportPaths.Artifact(lint, location.File, context.Options.WorkingDirectory)),
                };
                var message = finding.Message;
                if (lint.SourceKind != SourceKind.Directory)
                {
                    // Annotations can only point at the tar; name the member in the text.
                    message = (location.HasRegion ? $"{location.File}:{location.Line}:{Math.Max(1, location.Column)}" : location.File) + ": " + message;
                }
                else if (location.HasRegion)
                {
                    properties.Add(("line", Number(location.Line)));
                    properties.Add(("col", Number(Math.Max(1, location.Column))));
                    if (location.EndLine >= location.Line)
                    {
                        properties.Add(("endLine", Number(location.EndLine)));
                        properties.Add(("endColumn", Number(Math.Max(1, location.EndColumn))));
                    }
                }

                var name = rules.Find(finding.RuleId)?.Name;
                properties.Add(("title", name is null ? finding.RuleId : $"{finding.RuleId} {name}"));
                if (finding.Fix is { } fix)
                {
                    message += "\n" + ReportText.FixSentence(fix);
                }

                WriteCommand(output, command, properties, message);
            }

            foreach (var error in lint.Errors)
            {
                WriteCommand(output, "error", [("title", "OciLint internal error")], $"{lint.Target}: {error.Message}");
            }
        }
    }

    /// <summary>Escapes a command's message (<c>escapeData</c> in @actions/core).</summary>
    internal static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value (<c>escapeProperty</c> in @actions/core).</summary>
    internal static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    // Line breaks survive (escaped); any other control character is shown, not sent to the log.
    private static string Visible(string text) =>
        string.Join('\n', text.Split('\n').Select(line => ReportText.ForTerminal(line.TrimEnd('\r'))));

    private static void WriteCommand(TextWriter output, string command, IReadOnlyList<(string Name, string Value)> properties, string message)
    {
        var line = new StringBuilder("::").Append(command);
        for (var i = 0; i < properties.Count; i++)
        {
            line.Append(i == 0 ? ' ' : ',').Append(properties[i].Name).Append('=').Append(EscapeProperty(Visible(properties[i].Value)));
        }

        line.Append("::").Append(EscapeData(Visible(message))).Append('\n');
        output.Write(line.ToString());
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
