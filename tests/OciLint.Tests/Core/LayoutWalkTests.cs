using System.Text;
using System.Text.Json;
using OciLint.Core.Engine;
using OciLint.Core.Model;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Core;

/// <summary>What the walk from index.json reaches: subjects are followed like index entries when their blob is here.</summary>
public sealed class LayoutWalkTests
{
    [Fact]
    public void A_Referrers_Subject_Is_Parsed_And_Its_Blobs_Are_Referenced()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);
        var layer = layout.Blob(BlobTestLayout.Random(64, 1));
        var image = layout.Manifest(layer);
        // Only the signature is listed: the image it signs is reached through its subject alone.
        var signature = new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["artifactType"] = "application/vnd.example.signature",
            ["config"] = BlobTestLayout.Descriptor("application/vnd.oci.empty.v1+json", "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", 2),
            ["layers"] = new[] { layout.Blob("sig"u8.ToArray(), "application/vnd.example.signature") },
            ["subject"] = image,
        };
        layout.Blob("{}"u8.ToArray(), "application/vnd.oci.empty.v1+json");
        layout.Index(layout.Blob(JsonSerializer.SerializeToUtf8Bytes(signature), "application/vnd.oci.image.manifest.v1+json"));

        var result = Lint.Run(temp.Path, new RuleConfiguration().Set("OCI411", null));

        var model = result.Model.ShouldNotBeNull();
        var subject = model.Descriptors.Single(d => d.Role == DescriptorRole.Subject);
        subject.Target.ShouldNotBeNull().Kind.ShouldBe(DocumentKind.Manifest);
        model.Documents.Count(d => d.Kind == DocumentKind.Config).ShouldBe(1); // the image's config, parsed through the subject
        result.Findings.Where(f => f.RuleId == "OCI411").ShouldBeEmpty();
    }

    [Fact]
    public void A_Subject_That_Breaks_Its_Schema_Is_Reported()
    {
        using var temp = new TempDir();
        var layout = new BlobTestLayout(temp.Path);
        var broken = layout.Blob(Encoding.UTF8.GetBytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"layers\":[]}"), "application/vnd.oci.image.manifest.v1+json");
        var referrer = new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = layout.Blob("{}"u8.ToArray(), "application/vnd.oci.empty.v1+json"),
            ["layers"] = new[] { layout.Blob("sbom"u8.ToArray(), "application/spdx+json") },
            ["subject"] = broken,
        };
        layout.Index(layout.Blob(JsonSerializer.SerializeToUtf8Bytes(referrer), "application/vnd.oci.image.manifest.v1+json"));

        var findings = Lint.Run(temp.Path).Findings;

        // The subject manifest has no config: a schema finding inside that blob.
        findings.ShouldContain(f => f.Location.File == BlobTestLayout.PathOf((string)broken["digest"]) && f.Severity == OciLint.Core.Findings.Severity.Error);
    }
}
