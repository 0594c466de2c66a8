using McMaster.Extensions.CommandLineUtils;
using OciLint.Reporting;

namespace OciLint.Cli.Commands;

/// <summary>Which writer goes where: formats pair in order with outputs; an output without a format is guessed from its extension.</summary>
internal sealed class ReportPlan
{
    private readonly List<(IReportWriter Writer, string Output)> _items = [];

    public static ReportPlan From(IReadOnlyList<string> formats, IReadOnlyList<string> outputs)
    {
        if (outputs.Count > Math.Max(formats.Count, 1) && formats.Count > 0)
        {
            throw new UsageException($"{outputs.Count} --output values but only {formats.Count} --format values; pair them in order");
        }

        var plan = new ReportPlan();
        var count = Math.Max(Math.Max(formats.Count, outputs.Count), 1);
        for (var i = 0; i < count; i++)
        {
            var output = i < outputs.Count ? outputs[i] : "-";
            var format = i < formats.Count ? formats[i] : Guess(output);
            var writer = ReportWriters.Find(format) ?? throw new UsageException($"unknown format '{format}' (expected one of: {string.Join(", ", ReportWriters.Formats)})");
            plan._items.Add((writer, output));
        }

        if (plan._items.Count(i => i.Output == "-") > 1)
        {
            throw new UsageException("only one report can go to stdout; give the others an --output file");
        }

        return plan;
    }

    public void Write(ReportContext context, IConsole console, bool colorAllowed)
    {
        foreach (var (writer, output) in _items)
        {
            if (output == "-")
            {
                var color = colorAllowed && !console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
                writer.Write(context with { Options = context.Options with { Color = color } }, console.Out);
                console.Out.Flush();
                continue;
            }

            AtomicFile.Write(output, writer2 => writer.Write(context with { Options = context.Options with { Color = false } }, writer2));
        }
    }

    private static string Guess(string output) => Path.GetExtension(output).ToLowerInvariant() switch
    {
        ".sarif" => "sarif",
        ".json" when output.EndsWith(".sarif.json", StringComparison.OrdinalIgnoreCase) => "sarif",
        ".json" => "json",
        ".xml" => "junit",
        _ => "text",
    };
}
