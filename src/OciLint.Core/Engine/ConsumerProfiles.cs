using OciLint.Core.Findings;
using OciLint.Core.Layout;
using OciLint.Core.Model;

namespace OciLint.Core.Engine;

/// <summary>
/// What one consumer does with one rule's defect: the severity it deserves for that consumer (null keeps the
/// rule's) and the consumer's own words, appended to the finding. <c>{skopeo}</c> in the text becomes the
/// skopeo reference of the target (<c>oci:DIR</c> or <c>oci-archive:FILE</c>), <c>{entries}</c> the number
/// of index.json entries.
/// </summary>
public sealed record ConsumerRule(string RuleId, Severity? Severity, string Message);

/// <summary>A <c>--target</c> profile: the consumer it stands for and what it rejects, rule by rule.</summary>
public sealed record ConsumerProfile(string Name, string Consumer, IReadOnlyList<ConsumerRule> Rules)
{
    public ConsumerRule? For(string ruleId) => Rules.FirstOrDefault(r => r.RuleId.Equals(ruleId, StringComparison.Ordinal));
}

/// <summary>
/// The consumer profiles, as data (sources: research/peers.md, and for containerd and docker the importer's
/// source, core/images/archive/importer.go). A profile may name a rule that is not loaded (OCI404, OCI801):
/// it then changes nothing.
/// </summary>
public static class ConsumerProfiles
{
    public const string Any = "any";

    private const string SkopeoMoreThanOne = "`skopeo copy {skopeo} …` fails with \"more than one image in oci, choose an image\"";
    private const string CraneEntries = "`crane push DIR IMAGE` fails with \"Error: layout contains {entries} entries, consider --index\"";
    private const string ContainerdNoLayout = "reads a tar without a usable oci-layout as a Docker archive and fails with \"unrecognized image format\"";

    public static IReadOnlyList<ConsumerProfile> All { get; } =
    [
        new(Any, "every consumer", []),
        new("skopeo", "skopeo (oci: and oci-archive: transports)",
        [
            // OCI901's own message already quotes skopeo's and crane's errors: the profiles add only what is new.
            new("OCI901", Severity.Error, "an empty index fails the same way; name the image: `skopeo copy {skopeo}:<ref.name> …`, or `{skopeo}:@<index>` for an untagged entry (containers-image ≥ 5.34)"),
            new("OCI902", Severity.Error, SkopeoMoreThanOne + "; `ocilint fix --unsafe` keeps one entry (choose it with --keep-ref), or name the tag: `skopeo copy {skopeo}:<ref.name> …`"),
            new("OCI903", Severity.Error, SkopeoMoreThanOne + "; `ocilint fix` removes the copies"),
        ]),
        new("crane", "crane / go-containerregistry (crane push DIR)",
        [
            new("OCI901", Severity.Error, "`crane push --index DIR IMAGE` pushes index.json itself as an image index instead"),
            new("OCI902", Severity.Error, CraneEntries + "; `ocilint fix --unsafe` keeps one entry (choose it with --keep-ref), after which `crane push DIR IMAGE` works (`--index` would push an index listing the same image {entries} times)"),
            new("OCI903", Severity.Error, CraneEntries + "; `ocilint fix` removes the copies"),
            new("OCI404", Severity.Error, "go-containerregistry parses only sha256 digests: loading index.json fails with \"unsupported hash: …\""),
        ]),
        new("umoci", "umoci",
        [
            new("OCI905", Severity.Error, "`umoci unpack --image DIR BUNDLE` looks up the tag \"latest\" and fails with \"tag is not found: latest\" (`umoci stat`: \"tag not found: latest\"); add a ref name with `ocilint fix --ref-name NAME`"),
            new("OCI906", Severity.Error, "umoci considers only index.json's own entries and has no platform selection: give one platform's manifest an index.json entry with its own ref name and unpack that tag"),
            new("OCI404", Severity.Error, "umoci supports only sha256 and fails with \"compute blob path: unsupported algorithm: …\""),
            new("OCI801", Severity.Error, "umoci reads only OCI manifests and fails with \"invalid --image tag: descriptor does not point to ispec.MediaTypeImageManifest: not implemented: …\""),
            new("OCI002", null, "umoci refuses the layout: \"open CAS: validate: read oci-layout: invalid image detected\""),
            new("OCI006", null, "umoci refuses the layout: \"open CAS: validate: layout version is not supported: invalid image detected\""),
        ]),
        new("containerd", "containerd (ctr images import of a tar)",
        [
            new("OCI002", null, "`ctr images import` " + ContainerdNoLayout),
            new("OCI005", null, "`ctr images import` " + ContainerdNoLayout),
            new("OCI006", null, "`ctr images import` fails with \"unsupported OCI version …\""),
            new("OCI008", null, "`ctr images import` fails with \"missing index.json in OCI layout 1.0.0\""),
        ]),
        new("docker", "docker load (containerd image store)",
        [
            new("OCI002", null, "`docker load` " + ContainerdNoLayout),
            new("OCI005", null, "`docker load` " + ContainerdNoLayout),
            new("OCI006", null, "`docker load` fails with \"unsupported OCI version …\""),
            new("OCI008", null, "`docker load` fails with \"missing index.json in OCI layout 1.0.0\""),
        ]),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    public static ConsumerProfile? Find(string name) => All.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Applies the active profiles to one layout's findings: a profile raises a finding to its severity (never
    /// lowers it) and appends what its consumer prints. Several profiles on one rule all add their words.
    /// </summary>
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, LintSettings settings, LayoutModel model)
    {
        var active = All.Where(p => p.Rules.Count > 0 && settings.HasTarget(p.Name)).ToList();
        if (active.Count == 0)
        {
            return findings;
        }

        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var current = finding;
            foreach (var profile in active)
            {
                if (profile.For(finding.RuleId) is not { } rule || current.Severity == Severity.Off)
                {
                    continue;
                }

                current = current with
                {
                    Severity = rule.Severity is { } raised && raised > current.Severity ? raised : current.Severity,
                    Message = $"{current.Message}; --target {profile.Name}: {Expand(rule.Message, model)}",
                };
            }

            result.Add(current);
        }

        return result;
    }

    private static string Expand(string text, LayoutModel model)
    {
        var skopeo = (model.Source.Kind == SourceKind.Directory ? "oci:" : "oci-archive:") + model.Source.Target;
        var entries = model.IndexJsonEntries.Count().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text.Replace("{skopeo}", skopeo, StringComparison.Ordinal).Replace("{entries}", entries, StringComparison.Ordinal);
    }
}
