using System.Text;
using Xunit.Sdk;

namespace OciLint.Tests.Support;

/// <summary>
/// Hand-rolled golden files (CSharpier's BaseTest): on a mismatch the output is written to <c>&lt;golden&gt;.actual</c>
/// beside the golden file and the test fails with the first differing line; <c>OCILINT_ACCEPT=1</c> overwrites the
/// golden file instead. Line endings are normalised to LF on both sides.
/// </summary>
public static class Golden
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static bool Accepting => Environment.GetEnvironmentVariable("OCILINT_ACCEPT") == "1";

    /// <param name="relativePath">Relative to tests/fixtures, e.g. <c>reports/golden/sarif.sarif</c>.</param>
    public static void Verify(string actual, string relativePath)
    {
        var golden = Path.Combine(RepoPaths.Fixtures, relativePath);
        var actualPath = golden + ".actual";
        actual = Normalize(actual);
        if (Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual, Utf8);
            File.Delete(actualPath);
            return;
        }

        if (!File.Exists(golden))
        {
            File.WriteAllText(actualPath, actual, Utf8);
            throw new XunitException($"golden file {golden} does not exist; wrote {actualPath}. Review it, then rerun with OCILINT_ACCEPT=1 to accept.");
        }

        var expected = Normalize(File.ReadAllText(golden, Utf8));
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actual, Utf8);
        var (line, want, got) = FirstDifference(expected, actual);
        throw new XunitException(
            $"output differs from {relativePath} at line {line}:\n" +
            $"  expected: {want}\n" +
            $"  actual:   {got}\n" +
            $"Wrote {actualPath}.\n" +
            $"Compare: diff -u {golden} {actualPath}\n" +
            "Accept (after reviewing): OCILINT_ACCEPT=1 dotnet test tests/OciLint.Tests --filter FullyQualifiedName~Reporting");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static (int Line, string Expected, string Actual) FirstDifference(string expected, string actual)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        for (var i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            var w = i < want.Length ? want[i] : "<end of file>";
            var g = i < got.Length ? got[i] : "<end of file>";
            if (w != g)
            {
                return (i + 1, w, g);
            }
        }

        return (0, "", "");
    }
}
