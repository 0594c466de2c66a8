using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using OciLint.Core.Findings;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>OCI015 compares the copies of a repeated path: identical bytes lower the finding to a warning, in plain and compressed tars.</summary>
public sealed class DuplicateTarMemberTests
{
    private const string Index = """{"schemaVersion":2,"manifests":[]}""";

    [Theory]
    [InlineData(false, Index, Severity.Warning)]
    [InlineData(true, Index, Severity.Warning)]
    [InlineData(false, """{"schemaVersion":2,"manifests":{}}""", Severity.Error)]
    [InlineData(true, """{"schemaVersion":2,"manifests":{}}""", Severity.Error)]
    [InlineData(false, """{"schemaVersion":2, "manifests":[]}""", Severity.Error)]
    [InlineData(true, """{"schemaVersion":2, "manifests":[]}""", Severity.Error)]
    public void Repeated_Index_Json_Is_A_Warning_Only_When_The_Copies_Match(bool gzip, string second, Severity expected)
    {
        using var temp = new TempDir();
        var tar = temp.Combine(gzip ? "layout.tar.gz" : "layout.tar");
        Write(tar, gzip, ("oci-layout", """{"imageLayoutVersion":"1.0.0"}"""), ("index.json", Index), ("blobs/", null), ("index.json", second));

        var finding = Lint.Run(tar).Findings.Where(f => f.RuleId == "OCI015").ShouldHaveSingleItem();

        finding.Severity.ShouldBe(expected);
        finding.Location.File.ShouldBe("index.json");
    }

    private static void Write(string path, bool gzip, params (string Name, string? Text)[] members)
    {
        using var file = File.Create(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var writer = new TarWriter(stream, TarEntryFormat.Pax);
        foreach (var (name, text) in members)
        {
            var entry = new PaxTarEntry(text is null ? TarEntryType.Directory : TarEntryType.RegularFile, name);
            if (text is not null)
            {
                entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            }

            writer.WriteEntry(entry);
        }
    }
}
