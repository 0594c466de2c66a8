using OciLint.Reporting;
using OciLint.Tests.Support;
using Xunit;

namespace OciLint.Tests.Reporting;

/// <summary>The shared fixture through every writer, compared with tests/fixtures/reports/golden/.</summary>
public sealed class GoldenReportTests
{
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var writer in ReportWriters.All)
        {
            data.Add(writer.Format, "", false);
            data.Add(writer.Format, "-tool-error", true);
        }

        data.Add("text", "-color", false);
        data.Add("text", "-quiet", false);
        data.Add("junit", "-strict", false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_SharedFixture_MatchesGoldenFile(string format, string variant, bool withToolError)
    {
        var writer = ReportWriters.Find(format)!;
        var context = ReportFixture.Context(withToolError);
        context = variant switch
        {
            "-color" => context with { Options = context.Options with { Color = true } },
            "-quiet" => context with { Options = context.Options with { Quiet = true } },
            "-strict" => context with { Options = context.Options with { Dialect = JUnitDialect.Strict } },
            _ => context,
        };

        var output = ReportFixture.Render(writer, context);

        Golden.Verify(output, $"reports/golden/{format}{variant}.{writer.FileExtension}");
    }

    [Fact]
    public void Write_CleanLayout_MatchesGoldenFiles()
    {
        foreach (var writer in ReportWriters.All)
        {
            Golden.Verify(ReportFixture.Render(writer, ReportFixture.Clean()), $"reports/golden/{writer.Format}-clean.{writer.FileExtension}");
        }
    }
}
