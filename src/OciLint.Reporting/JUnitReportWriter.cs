using System.Globalization;
using System.Text;
using System.Xml;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Layout;
using OciLint.Core.Rules;

namespace OciLint.Reporting;

/// <summary>
/// JUnit XML: one <c>testsuite</c> per target; one <c>testcase</c> per finding (a <c>failure</c> at or above
/// <see cref="ReportOptions.FailOn"/>, passing with <c>system-out</c> below it, <c>skipped</c> when suppressed), one
/// passing case per rule that ran clean, and <c>error</c> only for tool problems. The default dialect matches
/// <c>schemas/ocilint-junit.xsd</c>; <see cref="JUnitDialect.Strict"/> matches <c>schemas/junit-jenkins.xsd</c>.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    public string Format => "junit";

    public string FileExtension => "xml";

    public void Write(ReportContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var suites = BuildSuites(context);
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            // Written by hand: XmlWriter would take the encoding from the TextWriter (UTF-16 for a StringWriter).
            OmitXmlDeclaration = true,
        };
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "ocilint");
            xml.WriteAttributeString("tests", Number(suites.Sum(s => s.Cases.Count)));
            xml.WriteAttributeString("failures", Number(suites.Sum(s => s.Count(CaseKind.Failure))));
            xml.WriteAttributeString("errors", Number(suites.Sum(s => s.Count(CaseKind.Error))));
            xml.WriteAttributeString("time", Seconds(context.Results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed)));
            foreach (var suite in suites)
            {
                WriteSuite(xml, suite, context);
            }

            xml.WriteEndElement();
        }

        output.Write('\n');
    }

    private static void WriteSuite(XmlWriter xml, Suite suite, ReportContext context)
    {
        var lint = suite.Result;
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(lint.Target));
        xml.WriteAttributeString("tests", Number(suite.Cases.Count));
        xml.WriteAttributeString("failures", Number(suite.Count(CaseKind.Failure)));
        xml.WriteAttributeString("errors", Number(suite.Count(CaseKind.Error)));
        xml.WriteAttributeString("skipped", Number(suite.Count(CaseKind.Skipped)));
        xml.WriteAttributeString("time", Seconds(lint.Elapsed));
        xml.WriteStartElement("properties");
        WriteProperty(xml, "ocilint.version", context.Tool.Version);
        WriteProperty(xml, "ocilint.target", Clean(lint.Target));
        WriteProperty(xml, "ocilint.kind", lint.SourceKind switch
        {
            SourceKind.Directory => "directory",
            SourceKind.Tar => "tar",
            _ => "compressedTar",
        });
        WriteProperty(xml, "ocilint.failOn", context.Options.FailOn == Severity.Off ? "never" : context.Options.FailOn.ToName());
        xml.WriteEndElement();
        var strict = context.Options.Dialect == JUnitDialect.Strict;
        foreach (var test in suite.Cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", test.ClassName);
            xml.WriteAttributeString("name", Clean(test.Name));
            if (!strict && test.File is not null)
            {
                xml.WriteAttributeString("file", Clean(test.File));
                if (test.Line > 0)
                {
                    xml.WriteAttributeString("line", Number(test.Line));
                }
            }

            xml.WriteAttributeString("time", "0");
            switch (test.Kind)
            {
                case CaseKind.Failure:
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", Clean(test.Message!));
                    xml.WriteAttributeString("type", test.Type!);
                    xml.WriteString(Clean(test.Body!));
                    xml.WriteEndElement();
                    break;
                case CaseKind.Error:
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("message", Clean(test.Message!));
                    xml.WriteAttributeString("type", test.Type!);
                    xml.WriteString(Clean(test.Body!));
                    xml.WriteEndElement();
                    break;
                case CaseKind.Skipped:
                    // The Jenkins XSD allows only text in <skipped>; GitLab reads the text, Jenkins the message.
                    xml.WriteStartElement("skipped");
                    if (!strict)
                    {
                        xml.WriteAttributeString("message", Clean(test.Message!));
                    }

                    xml.WriteString(Clean(test.Body!));
                    xml.WriteEndElement();
                    break;
                case CaseKind.Pass when test.Body is not null:
                    xml.WriteElementString("system-out", Clean(test.Body));
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static List<Suite> BuildSuites(ReportContext context)
    {
        var rules = new RuleLookup(context);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var several = context.Results.Count > 1;
        var failOn = context.Options.FailOn;
        var suites = new List<Suite>();
        foreach (var lint in context.Results)
        {
            var cases = new List<Case>();
            foreach (var finding in lint.Findings.Where(f => f.Severity != Severity.Off))
            {
                var display = ReportPaths.Display(lint, finding.Location.File);
                var name = Unique(names, $"{finding.RuleId} {display}{(finding.Location.Pointer is { } pointer ? "#" + pointer : "")}");
                var file = ReportPaths.Artifact(lint, finding.Location.File, context.Options.WorkingDirectory);
                var line = lint.SourceKind == SourceKind.Directory ? finding.Location.Line : 0;
                var body = Body(lint, finding, rules);
                var test = new Case(ClassName(finding.RuleId), name, file, line, CaseKind.Pass, null, null, body);
                if (finding.SuppressedBy is { } suppressedBy)
                {
                    test = test with { Kind = CaseKind.Skipped, Message = $"Suppressed: {suppressedBy}", Body = $"Suppressed: {suppressedBy}\n{body}" };
                }
                else if (failOn != Severity.Off && finding.Severity >= failOn)
                {
                    test = test with { Kind = CaseKind.Failure, Message = finding.Message, Type = finding.Severity.ToName() };
                }

                cases.Add(test);
            }

            foreach (var error in lint.Errors)
            {
                var name = Unique(names, $"{error.RuleId} internal error in {lint.Target}");
                var body = $"{error.Message}\nTarget: {lint.Target}\nThis is a bug in OciLint; the rule could not finish, so this target was not fully checked.";
                cases.Add(new Case(ClassName(error.RuleId), name, null, 0, CaseKind.Error, error.Message, "internal-error", body));
            }

            var troubled = lint.Findings.Select(f => f.RuleId).Concat(lint.Errors.Select(e => e.RuleId)).ToHashSet(StringComparer.Ordinal);
            foreach (var run in lint.Rules.Where(r => !troubled.Contains(r.Rule.Id)))
            {
                // With several targets the same rule is clean in each; the target keeps the names unique.
                var name = Unique(names, $"{run.Rule.Id} {run.Rule.Name}{(several ? $" ({lint.Target})" : "")}");
                cases.Add(new Case(ClassName(run.Rule.Id), name, null, 0, CaseKind.Pass, null, null, null));
            }

            suites.Add(new Suite(lint, cases));
        }

        return suites;
    }

    // The full story of one finding: GitLab shows only the element text, Azure shows it as the "stack trace".
    private static string Body(LintResult lint, Finding finding, RuleLookup rules)
    {
        var rule = rules.Find(finding.RuleId);
        var location = finding.Location;
        var text = new StringBuilder();
        text.Append(finding.RuleId);
        if (rule is not null)
        {
            text.Append(' ').Append(rule.Name);
        }

        text.Append(" (").Append(finding.Severity.ToName()).Append("): ").Append(finding.Message).Append('\n');
        text.Append("Location: ").Append(ReportPaths.Display(lint, location.File));
        if (location.HasRegion)
        {
            text.Append(CultureInfo.InvariantCulture, $":{location.Line}:{Math.Max(1, location.Column)}");
        }

        text.Append('\n');
        if (location.Pointer is not null)
        {
            text.Append("Pointer: ").Append(location.Pointer).Append('\n');
        }

        if (finding.Digest is not null)
        {
            text.Append("Digest: ").Append(finding.Digest).Append('\n');
        }

        foreach (var related in finding.Related)
        {
            text.Append("Related: ").Append(ReportPaths.Display(lint, related.File));
            if (related.HasRegion)
            {
                text.Append(CultureInfo.InvariantCulture, $":{related.Line}:{Math.Max(1, related.Column)}");
            }

            if (related.Pointer is not null)
            {
                text.Append(" (").Append(related.Pointer).Append(')');
            }

            text.Append('\n');
        }

        text.Append("Help: ").Append(rule?.HelpUri.ToString() ?? RuleMetadata.DocsBaseUri + finding.RuleId + ".md");
        if (finding.Fix is { } fix)
        {
            text.Append('\n').Append(ReportText.FixSentence(fix));
            if (fix.Description is not null)
            {
                text.Append("\n  ").Append(fix.Description);
            }
        }

        return text.ToString();
    }

    private static string Unique(HashSet<string> names, string name)
    {
        var candidate = name;
        for (var n = 2; !names.Add(candidate); n++)
        {
            candidate = $"{name} ({n})";
        }

        return candidate;
    }

    // Jenkins splits classname at the last '.', so ids (never dotted) make one class per rule under package "ocilint".
    private static string ClassName(string ruleId) => "ocilint." + ruleId;

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static string Clean(string text) => ReportText.ForXml(text);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private enum CaseKind
    {
        Pass,
        Failure,
        Error,
        Skipped,
    }

    private sealed record Case(string ClassName, string Name, string? File, int Line, CaseKind Kind, string? Message, string? Type, string? Body);

    private sealed record Suite(LintResult Result, List<Case> Cases)
    {
        public int Count(CaseKind kind) => Cases.Count(c => c.Kind == kind);
    }
}
