using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Core.Layout;

namespace OciLint.Reporting;

/// <summary>
/// The report for scripts: a versioned object described by <c>schemas/ocilint-report.schema.json</c> and
/// <c>docs/json-report.md</c>. Keys are always written, in a fixed order; absent values are <c>null</c>.
/// Bump <see cref="SchemaVersion"/> on any change that is not a pure addition.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const string SchemaVersion = "1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // Nobody embeds this in HTML; keep non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public string FileExtension => "json";

    public void Write(ReportContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var rules = new RuleLookup(context);
            json.WriteStartObject();
            json.WriteString("schemaVersion", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", context.Tool.Name);
            json.WriteString("version", context.Tool.Version);
            json.WriteEndObject();
            json.WriteStartArray("targets");
            foreach (var result in context.Results)
            {
                WriteTarget(json, rules, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
    }

    private static void WriteTarget(Utf8JsonWriter json, RuleLookup rules, LintResult result)
    {
        json.WriteStartObject();
        json.WriteString("target", result.Target);
        json.WriteString("kind", result.SourceKind switch
        {
            SourceKind.Directory => "directory",
            SourceKind.Tar => "tar",
            _ => "compressedTar",
        });
        json.WriteBoolean("executionSuccessful", result.ExecutionSuccessful);
        json.WriteStartArray("findings");
        foreach (var finding in result.Findings.Where(f => f.Severity != Severity.Off))
        {
            WriteFinding(json, rules, finding);
        }

        json.WriteEndArray();
        json.WriteStartArray("toolErrors");
        foreach (var error in result.Errors)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", error.RuleId);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var summary = ReportSummary.Of(result);
        json.WriteStartObject("summary");
        json.WriteNumber("errors", summary.Errors);
        json.WriteNumber("warnings", summary.Warnings);
        json.WriteNumber("notes", summary.Notes);
        json.WriteNumber("fixable", summary.Fixable);
        json.WriteNumber("fixableUnsafe", summary.FixableUnsafe);
        json.WriteNumber("suppressed", summary.Suppressed);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, RuleLookup rules, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        WriteStringOrNull(json, "ruleName", rules.Find(finding.RuleId)?.Name);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("message", finding.Message);
        WriteLocationMembers(json, finding.Location);
        WriteStringOrNull(json, "digest", finding.Digest);
        json.WriteString("fingerprint", finding.Fingerprint);
        json.WriteStartArray("related");
        foreach (var related in finding.Related)
        {
            json.WriteStartObject();
            WriteLocationMembers(json, related);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (finding.Fix is { } fix)
        {
            json.WriteStartObject("fix");
            WriteFix(json, fix);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("fix");
        }

        json.WriteBoolean("suppressed", finding.SuppressedBy is not null);
        WriteStringOrNull(json, "suppressedBy", finding.SuppressedBy);
        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, Fix fix)
    {
        json.WriteString("title", fix.Title);
        json.WriteString("safety", fix.Safety.ToName());
        WriteStringOrNull(json, "description", fix.Description);
        WriteStringOrNull(json, "requiredInput", fix.RequiredInput);
        json.WriteStartArray("edits");
        foreach (var edit in fix.Edits)
        {
            json.WriteStartObject();
            switch (edit)
            {
                case TextReplacement replace:
                    json.WriteString("kind", "replace");
                    json.WriteString("file", replace.File);
                    json.WriteNumber("startLine", replace.StartLine);
                    json.WriteNumber("startColumn", replace.StartColumn);
                    json.WriteNumber("endLine", replace.EndLine);
                    json.WriteNumber("endColumn", replace.EndColumn);
                    json.WriteNumber("offset", replace.StartOffset);
                    json.WriteNumber("length", replace.Length);
                    json.WriteString("text", replace.NewText);
                    break;
                case CreateFile create:
                    json.WriteString("kind", "createFile");
                    json.WriteString("file", create.File);
                    json.WriteString("content", create.Content);
                    break;
                case CreateDirectory directory:
                    json.WriteString("kind", "createDirectory");
                    json.WriteString("file", directory.File);
                    break;
                default:
                    throw new NotSupportedException($"no JSON form for {edit.GetType().Name}");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // A whole-file location (Line 0) has null line and column members.
    private static void WriteLocationMembers(Utf8JsonWriter json, Location location)
    {
        json.WriteString("file", location.File);
        WriteNumberOrNull(json, "line", location.HasRegion ? location.Line : null);
        WriteNumberOrNull(json, "column", location.HasRegion ? Math.Max(1, location.Column) : null);
        WriteNumberOrNull(json, "endLine", location.HasRegion && location.EndLine > 0 ? location.EndLine : null);
        WriteNumberOrNull(json, "endColumn", location.HasRegion && location.EndLine > 0 ? Math.Max(1, location.EndColumn) : null);
        WriteStringOrNull(json, "pointer", location.Pointer);
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
