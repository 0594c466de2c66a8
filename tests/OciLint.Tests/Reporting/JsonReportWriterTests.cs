using System.Text.Json;
using NJsonSchema;
using OciLint.Reporting;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Reporting;

public sealed class JsonReportWriterTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Schemas, "ocilint-report.schema.json")).GetAwaiter().GetResult());

    private static string Render(ReportContext context) => ReportFixture.Render(new JsonReportWriter(), context);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_SharedFixture_ValidatesAgainstReportSchema(bool withToolError)
    {
        var errors = Schema.Value.Validate(Render(ReportFixture.Context(withToolError)));

        errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public void Write_CleanLayout_ValidatesAgainstReportSchema()
    {
        Schema.Value.Validate(Render(ReportFixture.Clean())).ShouldBeEmpty();
    }

    [Fact]
    public void Schema_UndocumentedKey_IsRejected()
    {
        var json = Render(ReportFixture.Context()).Replace("\"suppressedBy\": null", "\"suppressedBy\": null, \"extra\": 1", StringComparison.Ordinal);

        Schema.Value.Validate(json).ShouldNotBeEmpty();
    }

    [Fact]
    public void Write_TrickyMessage_RoundTripsExactly()
    {
        using var document = JsonDocument.Parse(Render(ReportFixture.Context()));

        var messages = document.RootElement.GetProperty("targets")[1].GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("message").GetString()).ToList();

        messages.ShouldContain($"entry 2 has no org.opencontainers.image.ref.name; its title is \"{ReportFixture.TrickyTitle}\"");
    }

    [Fact]
    public void Write_WholeFileFinding_HasNullPositions()
    {
        using var document = JsonDocument.Parse(Render(ReportFixture.Context()));

        var missing = document.RootElement.GetProperty("targets")[1].GetProperty("findings")[0];

        missing.GetProperty("ruleId").GetString().ShouldBe("OCI002");
        missing.GetProperty("line").ValueKind.ShouldBe(JsonValueKind.Null);
        missing.GetProperty("column").ValueKind.ShouldBe(JsonValueKind.Null);
        missing.GetProperty("fix").GetProperty("edits")[0].GetProperty("kind").GetString().ShouldBe("createFile");
    }

    [Fact]
    public void Write_Summary_CountsPerTargetAndLeavesSuppressedOut()
    {
        using var document = JsonDocument.Parse(Render(ReportFixture.Context()));

        var summary = document.RootElement.GetProperty("targets")[1].GetProperty("summary");

        summary.GetProperty("errors").GetInt32().ShouldBe(2);
        summary.GetProperty("warnings").GetInt32().ShouldBe(1);
        summary.GetProperty("notes").GetInt32().ShouldBe(1);
        summary.GetProperty("fixable").GetInt32().ShouldBe(2);
        summary.GetProperty("suppressed").GetInt32().ShouldBe(1);
    }
}
