using System.Security.Cryptography;
using System.Text;
using OciLint.Core.Model;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Rules;

/// <summary>OCI219's depth guard: a chain of nested indexes (each digest correct) longer than the loader follows.</summary>
public sealed class NestingDepthTests
{
    [Fact]
    public void Chain_Deeper_Than_The_Limit_Gives_One_OCI219()
    {
        var findings = LintChain(LayoutLoader.MaxDepth + 2).Where(f => f.RuleId == "OCI219").ToList();

        findings.ShouldHaveSingleItem().Message.ShouldContain($"deeper than {LayoutLoader.MaxDepth}");
    }

    [Fact]
    public void Short_Chain_Gives_No_OCI219()
    {
        LintChain(3).ShouldNotContain(f => f.RuleId == "OCI219");
    }

    private static List<OciLint.Core.Findings.Finding> LintChain(int length)
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.Combine("blobs", "sha256"));
        File.WriteAllText(temp.Combine("oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");

        // From the innermost (empty) index outwards, each one listing the one below it.
        var manifests = "";
        for (var i = 0; i < length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{{manifests}}]}""");
            var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
            File.WriteAllBytes(temp.Combine("blobs", "sha256", hex), bytes);
            manifests = $$"""{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:{{hex}}","size":{{bytes.Length}}}""";
        }

        File.WriteAllText(temp.Combine("index.json"), $$"""{"schemaVersion":2,"manifests":[{{manifests}}]}""");
        return [.. Lint.Run(temp.Path).Findings];
    }
}
