using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Core.Layout;
using OciLint.Core.Rules;
using CoreFix = OciLint.Core.Fixes.Fix;
using CoreLocation = OciLint.Core.Findings.Location;
using SarifFix = Microsoft.CodeAnalysis.Sarif.Fix;
using SarifLocation = Microsoft.CodeAnalysis.Sarif.Location;

namespace OciLint.Reporting;

/// <summary>
/// SARIF 2.1.0 through the Sarif.Sdk object model, shaped for GitHub code scanning (research/sarif-junit.md §1):
/// one run for all targets, every rule that ran in <c>tool.driver.rules</c>, one physical location per result with a
/// URI relative to <c>%SRCROOT%</c> and a full region, and <c>fixes</c> only where SARIF can express them.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    /// <summary>Our key in <c>partialFingerprints</c>: rule id + digest (or file) + JSON Pointer, never a line number.</summary>
    public const string FingerprintKey = "ocilint/v1";

    public const string SourceRootId = "%SRCROOT%";

    private static readonly Uri SchemaUri = new("https://json.schemastore.org/sarif-2.1.0.json");

    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new ExplicitLevelContractResolver(),
        Formatting = Formatting.Indented,
    };

    public string Format => "sarif";

    public string FileExtension => "sarif";

    public void Write(ReportContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        JsonSerializer.Create(Settings).Serialize(buffer, Build(context));
        output.Write(buffer.ToString());
        output.Write('\n');
    }

    /// <summary>The log as an object model (for tests and for callers that merge logs).</summary>
    public static SarifLog Build(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var rules = CollectRules(context);
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var results = new List<Result>();
        var notifications = new List<Notification>();
        foreach (var lint in context.Results)
        {
            foreach (var finding in lint.Findings.Where(f => f.Severity != Severity.Off))
            {
                results.Add(BuildResult(lint, finding, index[finding.RuleId], options.WorkingDirectory));
            }

            foreach (var error in lint.Errors)
            {
                notifications.Add(new Notification
                {
                    Level = FailureLevel.Error,
                    Message = new Message { Text = $"{lint.Target}: {error.Message}" },
                    AssociatedRule = index.TryGetValue(error.RuleId, out var ruleIndex)
                        ? new ReportingDescriptorReference { Id = error.RuleId, Index = ruleIndex }
                        : new ReportingDescriptorReference { Id = error.RuleId },
                });
            }
        }

        var baseUri = ReportPaths.BaseUri(options.WorkingDirectory);
        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = context.Tool.Name,
                    SemanticVersion = context.Tool.Version,
                    InformationUri = context.Tool.InformationUri,
                    Rules = [.. rules.Select(r => Describe(r, context))],
                },
            },
            Invocations =
            [
                new Invocation
                {
                    ExecutionSuccessful = context.Results.All(r => r.ExecutionSuccessful),
                    ToolExecutionNotifications = notifications.Count > 0 ? notifications : null,
                    WorkingDirectory = new ArtifactLocation { Uri = baseUri },
                },
            ],
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation> { [SourceRootId] = new() { Uri = baseUri } },
            Results = results,
            ColumnKind = ColumnKind.Utf16CodeUnits,
        };
        if (!string.IsNullOrWhiteSpace(options.SarifCategory))
        {
            // GitHub reads the id as "category/run-id"; a bare name is meant as the category.
            var id = options.SarifCategory.Contains('/', StringComparison.Ordinal) ? options.SarifCategory : options.SarifCategory + "/";
            run.AutomationDetails = new RunAutomationDetails { Id = id };
        }

        return new SarifLog { SchemaUri = SchemaUri, Version = SarifVersion.Current, Runs = [run] };
    }

    // Every rule that ran, plus any rule a finding names that did not (loader findings), by id.
    private static List<RuleMetadata> CollectRules(ReportContext context)
    {
        var lookup = new RuleLookup(context);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var lint in context.Results)
        {
            ids.UnionWith(lint.Rules.Select(r => r.Rule.Id));
            ids.UnionWith(lint.Findings.Select(f => f.RuleId));
        }

        return [.. ids.Select(id => lookup.Find(id) ?? new RuleMetadata(id, id.ToLowerInvariant(), id, Severity.Warning, FixAvailability.None))];
    }

    private static ReportingDescriptor Describe(RuleMetadata rule, ReportContext context)
    {
        var description = string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description;
        var markdown = context.Options.HelpMarkdown?.Invoke(rule);
        var level = rule.DefaultSeverity;
        if (level == Severity.Off)
        {
            // Off by default but enabled for this run: describe it at the severity it ran with.
            level = context.Results.SelectMany(r => r.Rules).FirstOrDefault(r => r.Rule.Id == rule.Id)?.Severity ?? Severity.Warning;
        }

        var descriptor = new ReportingDescriptor
        {
            Id = rule.Id,
            Name = rule.Name,
            ShortDescription = new MultiformatMessageString { Text = rule.Title },
            FullDescription = new MultiformatMessageString { Text = description },
            Help = new MultiformatMessageString
            {
                Text = $"{description} See {rule.HelpUri}",
                Markdown = string.IsNullOrWhiteSpace(markdown) ? $"{description}\n\nSee [{rule.Id}]({rule.HelpUri})." : markdown,
            },
            HelpUri = rule.HelpUri,
            DefaultConfiguration = new ReportingConfiguration
            {
                Level = Level(level),
                Enabled = rule.DefaultSeverity != Severity.Off,
            },
        };
        descriptor.SetProperty("tags", new[] { rule.Family, "oci" });
        descriptor.SetProperty("precision", rule.Precision);
        descriptor.SetProperty("problem.severity", level == Severity.Note ? "recommendation" : level.ToName());
        return descriptor;
    }

    private static Result BuildResult(LintResult lint, Finding finding, int ruleIndex, string workingDirectory)
    {
        var inTar = lint.SourceKind != SourceKind.Directory;
        var message = string.IsNullOrWhiteSpace(finding.Message) ? finding.RuleId : finding.Message;
        if (inTar)
        {
            // The artifact is the tar; say where inside it.
            message = $"{Position(finding.Location)}: {message}";
        }

        var fixes = ExpressibleFix(lint, finding.Fix) is { } fix ? new List<SarifFix> { BuildFix(lint, fix, workingDirectory) } : null;
        if (finding.Fix is not null && fixes is null)
        {
            message = ReportText.Sentence(message) + " " + ReportText.FixSentence(finding.Fix);
        }

        var result = new Result
        {
            RuleId = finding.RuleId,
            RuleIndex = ruleIndex,
            Level = Level(finding.Severity),
            Message = new Message { Text = message },
            Locations = [BuildLocation(lint, finding.Location, workingDirectory)],
            PartialFingerprints = new Dictionary<string, string> { [FingerprintKey] = finding.Fingerprint },
            Fixes = fixes,
        };
        if (finding.Related.Count > 0)
        {
            result.RelatedLocations = [.. finding.Related.Select((related, i) =>
            {
                var location = BuildLocation(lint, related, workingDirectory);
                location.Id = i + 1;
                location.Message = new Message { Text = Label(related) };
                return location;
            })];
        }

        if (finding.SuppressedBy is { } suppressedBy)
        {
            result.Suppressions = [new Suppression { Kind = SuppressionKind.External, Status = SuppressionStatus.Accepted, Justification = suppressedBy }];
        }

        return result;
    }

    private static SarifLocation BuildLocation(LintResult lint, CoreLocation location, string workingDirectory)
    {
        var inTar = lint.SourceKind != SourceKind.Directory;
        var sarif = new SarifLocation
        {
            PhysicalLocation = new PhysicalLocation
            {
                ArtifactLocation = Artifact(lint, location.File, workingDirectory),
                Region = inTar ? WholeFile() : Region(location),
            },
        };
        if (inTar || location.Pointer is not null)
        {
            sarif.LogicalLocations = [new LogicalLocation { FullyQualifiedName = Label(location) }];
        }

        return sarif;
    }

    private static ArtifactLocation Artifact(LintResult lint, string file, string workingDirectory)
    {
        var (uri, relative) = ReportPaths.ArtifactUri(lint, file, workingDirectory);
        return new ArtifactLocation { Uri = uri, UriBaseId = relative ? SourceRootId : null };
    }

    // GitHub wants a region on every result; a whole file (a missing file, a blob) points at its start.
    private static Region WholeFile() => new() { StartLine = 1, StartColumn = 1, EndLine = 1, EndColumn = 1 };

    private static Region Region(CoreLocation location)
    {
        if (!location.HasRegion)
        {
            return WholeFile();
        }

        var startColumn = Math.Max(1, location.Column);
        var (endLine, endColumn) = location.EndLine >= location.Line ? (location.EndLine, Math.Max(1, location.EndColumn)) : (location.Line, startColumn);
        if (endLine == location.Line && endColumn < startColumn)
        {
            endColumn = startColumn;
        }

        return new Region { StartLine = location.Line, StartColumn = startColumn, EndLine = endLine, EndColumn = endColumn };
    }

    /// <summary>
    /// A fix SARIF can carry: text replacements only, in a folder (a tar member has no URI), and not a suggestion
    /// (those need a value from the user). Creating files or directories cannot be expressed at all.
    /// </summary>
    private static CoreFix? ExpressibleFix(LintResult lint, CoreFix? fix) =>
        fix is { Safety: FixSafety.Safe or FixSafety.Unsafe, Edits.Count: > 0 }
        && lint.SourceKind == SourceKind.Directory
        && fix.Edits.All(e => e is TextReplacement)
            ? fix
            : null;

    private static SarifFix BuildFix(LintResult lint, CoreFix fix, string workingDirectory)
    {
        // Each artifactChange must name a distinct file; replacements keep their order, all against the unmodified file.
        var changes = fix.Edits.Cast<TextReplacement>()
            .GroupBy(e => e.File, StringComparer.Ordinal)
            .Select(group => new ArtifactChange
            {
                ArtifactLocation = Artifact(lint, group.Key, workingDirectory),
                Replacements = [.. group.Select(edit => new Replacement
                {
                    DeletedRegion = new Region { StartLine = edit.StartLine, StartColumn = edit.StartColumn, EndLine = edit.EndLine, EndColumn = edit.EndColumn },
                    InsertedContent = edit.NewText.Length > 0 ? new ArtifactContent { Text = edit.NewText } : null,
                })],
            })
            .ToList();
        var sarif = new SarifFix
        {
            Description = new Message { Text = fix.Description is { } more ? $"{fix.Title.TrimEnd('.')}. {more}" : fix.Title },
            ArtifactChanges = changes,
        };
        sarif.SetProperty("safety", fix.Safety.ToName());
        return sarif;
    }

    private static string Position(CoreLocation location) =>
        location.HasRegion ? $"{(location.File.Length == 0 ? "." : location.File)}:{location.Line}:{Math.Max(1, location.Column)}" : Label(location with { Pointer = null });

    private static string Label(CoreLocation location)
    {
        var file = location.File.Length == 0 ? "." : location.File;
        return location.Pointer is null ? file : $"{file}#{location.Pointer}";
    }

    private static FailureLevel Level(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        Severity.Note => FailureLevel.Note,
        _ => FailureLevel.None,
    };

    /// <summary>
    /// The SDK leaves out <c>level</c> when it is "warning" (the SARIF default) and drops a default
    /// <c>defaultConfiguration</c>; GitHub and DESIGN §5 want both spelled out.
    /// </summary>
    private sealed class ExplicitLevelContractResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.PropertyName == "level" && (property.DeclaringType == typeof(Result) || property.DeclaringType == typeof(ReportingConfiguration)))
            {
                // Result.ShouldSerializeLevel() hides "warning" too; every result we write has kind "fail", so level always applies.
                property.DefaultValueHandling = DefaultValueHandling.Include;
                property.ShouldSerialize = _ => true;
            }
            else if (property.PropertyName == "defaultConfiguration" && property.DeclaringType == typeof(ReportingDescriptor))
            {
                property.ShouldSerialize = o => ((ReportingDescriptor)o).DefaultConfiguration is not null;
            }

            return property;
        }
    }
}
