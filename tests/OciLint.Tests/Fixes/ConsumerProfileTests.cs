using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using OciLint.Cli.Commands;
using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Rules;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;
using static OciLint.Tests.Support.FixLayouts;

namespace OciLint.Tests.Fixes;

/// <summary>--target profiles are data applied by the engine: severities raised, the consumer's own words appended.</summary>
public sealed class ConsumerProfileTests
{
    [Theory]
    [InlineData("skopeo", "\"more than one image in oci, choose an image\"", "`skopeo copy oci:{0}:<ref.name> …`")]
    [InlineData("crane", "layout contains 2 entries, consider --index", "`crane push --index DIR IMAGE` pushes index.json itself as an image index")]
    public void Single_Image_Consumers_Make_The_MultiTag_Shape_An_Error_With_Their_Message_Once(string profile, string error, string remedy)
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1"), Entry("latest")));

        var plain = Lint.Run(layout);
        var targeted = Lint.Run(layout, settings: Targets(profile));

        plain.Findings.Where(f => f.RuleId is "OCI901" or "OCI902").ShouldAllBe(f => f.Severity == Severity.Warning);
        foreach (var id in new[] { "OCI901", "OCI902" })
        {
            var finding = targeted.Findings.Single(f => f.RuleId == id);
            finding.Severity.ShouldBe(Severity.Error);
            finding.Message.ShouldStartWith(plain.Findings.Single(f => f.RuleId == id).Message + $"; --target {profile}: ");

            // The consumer's own words, once: OCI901 quotes them itself, so its profile adds only the remedy.
            finding.Message.Split(error).Length.ShouldBe(2, finding.Message);
        }

        targeted.Findings.Single(f => f.RuleId == "OCI901").Message.ShouldContain(string.Format(System.Globalization.CultureInfo.InvariantCulture, remedy, layout));
    }

    [Fact]
    public void Skopeo_Names_The_Archive_Transport_For_A_Tar()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Combine("layout"), Index(Entry("v1"), Entry("v1")));
        var tar = temp.Combine("x.tar");
        Fixture.WriteTar(layout, tar);

        var finding = Lint.Run(tar, settings: Targets("skopeo")).Findings.Single(f => f.RuleId == "OCI903");

        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldContain($"`skopeo copy oci-archive:{tar} …` fails");
        finding.Message.ShouldEndWith("`ocilint fix` removes the copies");
    }

    [Fact]
    public void Umoci_Makes_An_Untagged_Single_Entry_An_Error()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry(null)));

        Lint.Run(layout).Findings.Single(f => f.RuleId == "OCI905").Severity.ShouldBe(Severity.Note);
        var finding = Lint.Run(layout, settings: Targets("umoci")).Findings.Single(f => f.RuleId == "OCI905");

        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldContain("\"tag is not found: latest\"");
    }

    [Fact]
    public void Umoci_Makes_A_Tag_On_A_Multi_Platform_Index_An_Error()
    {
        using var temp = new TempDir();
        var layout = temp.Combine("layout");
        Fixture.Load(Path.Combine(RepoPaths.Fixtures, "rules", "OCI906", "invalid-tag-multi-platform")).MaterializeInto(layout);

        var plain = Lint.Run(layout).Findings.Single(f => f.RuleId == "OCI906");
        plain.Severity.ShouldBe(Severity.Note);
        plain.Message.ShouldStartWith("tag \"v1\" names an image index of 2 manifests (linux/amd64, linux/arm64)");
        plain.Message.ShouldContain("fails with \"tag is ambiguous: v1\"");
        plain.Message.ShouldContain("`skopeo copy --override-os linux --override-arch arm64 oci:DIR:v1 …`");

        var finding = Lint.Run(layout, settings: Targets("umoci")).Findings.Single(f => f.RuleId == "OCI906");
        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldContain("--target umoci: umoci considers only index.json's own entries");
        Lint.Run(layout, settings: Targets("skopeo", "crane")).Findings.Single(f => f.RuleId == "OCI906").Severity.ShouldBe(Severity.Note);
    }

    [Fact]
    public void Several_Profiles_Each_Add_Their_Words_And_Any_Adds_None()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry("v1"), Entry("latest")));

        var both = Lint.Run(layout, settings: Targets("skopeo", "crane")).Findings.Single(f => f.RuleId == "OCI902");
        var any = Lint.Run(layout, settings: Targets("any")).Findings.Single(f => f.RuleId == "OCI902");

        both.Message.ShouldContain("--target skopeo: ");
        both.Message.ShouldContain("--target crane: ");
        any.Message.ShouldNotContain("--target");
        any.Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void A_Profile_Never_Lowers_A_Severity_And_Ignores_Rules_It_Does_Not_Name()
    {
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry(null)));
        using var source = OciLint.Core.Layout.LayoutSources.Open(layout);
        var model = OciLint.Core.Model.LayoutLoader.Load(source);
        Finding[] findings =
        [
            new("OCI002", Severity.Error, "missing", new Location("oci-layout")),
            new("OCI999", Severity.Note, "not in any profile", new Location("index.json")),
        ];

        var result = ConsumerProfiles.Apply(findings, Targets("umoci", "containerd", "docker"), model);

        result[0].Severity.ShouldBe(Severity.Error);
        result[0].Message.ShouldContain("--target umoci: umoci refuses the layout: \"open CAS: validate: read oci-layout: invalid image detected\"");
        result[0].Message.ShouldContain("--target containerd: `ctr images import` reads a tar without a usable oci-layout as a Docker archive");
        result[1].ShouldBe(findings[1]);
    }

    [Fact]
    public void Profiles_Naming_Rules_That_Are_Not_Loaded_Are_Harmless()
    {
        var loaded = BuiltInRules.Rules.Select(r => r.Metadata.Id).ToHashSet(StringComparer.Ordinal);
        var named = ConsumerProfiles.All.SelectMany(p => p.Rules).Select(r => r.RuleId).ToList();

        named.ShouldAllBe(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^OCI[0-9]{3}$"));
        using var temp = new TempDir();
        var layout = Create(temp.Path, Index(Entry(null)));
        var result = Lint.Run(layout, settings: Targets([.. ConsumerProfiles.Names]));
        result.Errors.ShouldBeEmpty();
        result.Findings.ShouldAllBe(f => loaded.Contains(f.RuleId));
    }

    [Theory]
    [InlineData(typeof(CheckCommand))]
    [InlineData(typeof(FixCommand))]
    public void The_Cli_Offers_Exactly_The_Profiles_There_Are(Type command)
    {
        var attribute = command.GetProperty("ConsumerTargets")!.GetCustomAttributesData().Single(a => a.AttributeType == typeof(AllowedValuesAttribute));
        var values = (IReadOnlyCollection<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!;

        values.Select(v => (string)v.Value!).ShouldBe(ConsumerProfiles.Names);
    }

    private static LintSettings Targets(params string[] names) => new() { Targets = names.ToHashSet(StringComparer.OrdinalIgnoreCase) };
}
