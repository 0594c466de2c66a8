using OciLint.Core.Engine;
using OciLint.Core.Findings;
using OciLint.Core.Fixes;
using OciLint.Core.Layout;
using OciLint.Core.Model;
using OciLint.Core.Rules;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Core;

/// <summary>The engine calls every rule part by part; each rule must still see its own calls in the order it did rule by rule.</summary>
public sealed class LinterTests
{
    private static string Sample => Path.Combine(RepoPaths.Root, "samples", "buildx-multi-tag");

    [Fact]
    public void Each_rule_sees_the_layout_then_every_document_then_every_descriptor()
    {
        var first = new Recorder("TEST001");
        var second = new Recorder("TEST002");
        var result = Run(first, second);

        result.ExecutionSuccessful.ShouldBeTrue();
        var model = result.Model!;
        string[] expected =
        [
            "layout",
            .. model.Documents.Select(d => "document " + d.File),
            .. model.Descriptors.Select(d => "descriptor " + d),
        ];
        model.Descriptors.Count.ShouldBeGreaterThan(1);
        first.Calls.ShouldBe(expected);
        second.Calls.ShouldBe(expected);
    }

    [Fact]
    public void A_rule_that_throws_stops_judging_and_the_others_go_on()
    {
        var thrower = new Thrower("TEST003", throwAtDescriptor: 1);
        var after = new Recorder("TEST004");
        var result = Run(thrower, after);

        result.ExecutionSuccessful.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem();
        error.RuleId.ShouldBe("TEST003");
        error.Message.ShouldBe("rule TEST003 failed: descriptor 1");
        thrower.Descriptors.ShouldBe(2);
        after.Calls.Count(c => c.StartsWith("descriptor", StringComparison.Ordinal)).ShouldBe(result.Model!.Descriptors.Count);

        // Findings reported before the throw are kept, as they were when rules ran one after another.
        result.Findings.Count(f => f.RuleId == "TEST003").ShouldBe(1);
    }

    [Fact]
    public void Only_the_hooks_a_rule_overrides_are_called()
    {
        Rule.HooksOf(new DescriptorOnly()).ShouldBe(RuleHooks.Descriptor);
        Rule.HooksOf(new Recorder("TEST005")).ShouldBe(RuleHooks.All);
        Rule.HooksOf(new InheritsDocumentHook()).ShouldBe(RuleHooks.Document);
        Rule.HooksOf(new PlainRule()).ShouldBe(RuleHooks.All);
        Rule.CalledThroughBase(new DescriptorOnly()).ShouldBeTrue();
        Rule.CalledThroughBase(new InheritsDocumentHook()).ShouldBeTrue();
        Rule.CalledThroughBase(new PlainRule()).ShouldBeFalse();
    }

    [Fact]
    public void Hooks_a_rule_implements_through_the_interface_are_called_too()
    {
        // A plugin may implement IRule's methods explicitly or re-implement the interface with `new` methods: the
        // engine must reach what an IRule call reaches, not Rule's empty virtual methods.
        var explicitly = new ExplicitHooks();
        var hiding = new HidingHooks();
        Rule.HooksOf(explicitly).ShouldBe(RuleHooks.Layout | RuleHooks.Descriptor);
        Rule.CalledThroughBase(explicitly).ShouldBeFalse();
        Rule.HooksOf(hiding).ShouldBe(RuleHooks.Document);
        Rule.CalledThroughBase(hiding).ShouldBeFalse();

        var result = Run(explicitly, hiding);

        result.ExecutionSuccessful.ShouldBeTrue();
        explicitly.Layouts.ShouldBe(1);
        explicitly.Descriptors.ShouldBe(result.Model!.Descriptors.Count);
        hiding.Documents.ShouldBe(result.Model.Documents.Count);
    }

    [Fact]
    public void Rule_times_are_measured_only_when_asked()
    {
        var untimed = Run(new Recorder("TEST006"));
        untimed.Timings!.PerRule.ShouldBeEmpty();

        var timed = Run(new LintSettings { VerifyBlobs = false, TimeRules = true }, new Recorder("TEST006"), new DescriptorOnly());
        timed.Timings!.PerRule.Select(r => r.Rule.Id).ShouldBe(["TEST006", "TEST007"]);
    }

    [Fact]
    public void A_big_layout_splits_the_rules_over_threads_and_reports_the_same()
    {
        using var temp = new TempDir();
        var root = BigIndex(temp.Path);
        var first = new Recorder("TEST010");
        var second = new Recorder("TEST011");
        using (var source = LayoutSources.Open(root))
        {
            var result = new Linter([first, second], new RuleConfiguration()).Lint(source, new LintSettings { VerifyBlobs = false, Jobs = 2 });
            result.Model!.Descriptors.Count.ShouldBeGreaterThan(1000);
            first.Calls.ShouldBe(second.Calls);
            first.Calls.Count.ShouldBe(1 + result.Model.Documents.Count + result.Model.Descriptors.Count);
            first.Threads.Single().ShouldNotBe(second.Threads.Single());
        }

        // Every built-in rule, one thread against two: the same findings in the same order.
        string Report(int jobs) => string.Join("\n", Lint.Run(root, settings: new LintSettings { Jobs = jobs }).Findings
            .Select(f => $"{f.RuleId} {f.Severity} {f.Location.File}:{f.Location.Line}:{f.Location.Column} {f.Location.Pointer} {f.Message} | {f.Fix?.Title} | {f.Fix?.Description}"));
        var single = Report(1);
        single.ShouldContain("OCI902");
        single.ShouldContain("OCI903");
        Report(2).ShouldBe(single);
    }

    /// <summary>1,200 index.json entries for two images: one per tag, with exact copies and a platform-less entry among them.</summary>
    private static string BigIndex(string root)
    {
        var layout = new BlobTestLayout(root);
        var images = new[] { layout.Manifest(layout.Blob(BlobTestLayout.Random(64, 1))), layout.Manifest(layout.Blob(BlobTestLayout.Random(64, 2))) };
        var entries = Enumerable.Range(0, 1200).Select(i =>
        {
            var entry = new Dictionary<string, object>(images[i % 2]);
            if (i % 7 != 0)
            {
                entry["annotations"] = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = $"tag-{i / 3}" };
            }

            if (i % 5 != 0)
            {
                entry["platform"] = new Dictionary<string, string> { ["architecture"] = "amd64", ["os"] = "linux" };
            }

            return entry;
        });
        layout.Index([.. entries]);
        return root;
    }

    private static LintResult Run(params IRule[] rules) => Run(new LintSettings { VerifyBlobs = false }, rules);

    private static LintResult Run(LintSettings settings, params IRule[] rules)
    {
        using var source = LayoutSources.Open(Sample);
        return new Linter(rules, new RuleConfiguration()).Lint(source, settings);
    }

    private static RuleMetadata Meta(string id) => new(id, "test/" + id.ToLowerInvariant(), "test rule", Severity.Warning, FixAvailability.None);

    private sealed class Recorder(string id) : Rule
    {
        public List<string> Calls { get; } = [];

        public HashSet<int> Threads { get; } = [];

        public override RuleMetadata Metadata { get; } = Meta(id);

        public override void CheckLayout(LayoutModel layout, RuleContext context) => Calls.Add("layout");

        public override void CheckDocument(JsonDocumentModel document, RuleContext context) => Calls.Add("document " + document.File);

        public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
        {
            Calls.Add("descriptor " + descriptor);
            Threads.Add(Environment.CurrentManagedThreadId);
        }
    }

    private sealed class Thrower(string id, int throwAtDescriptor) : Rule
    {
        public int Descriptors { get; private set; }

        public override RuleMetadata Metadata { get; } = Meta(id);

        public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
        {
            if (Descriptors++ == throwAtDescriptor)
            {
                throw new InvalidOperationException($"descriptor {throwAtDescriptor}");
            }

            context.Report(descriptor.Owner, descriptor.Node, "seen");
        }
    }

    private sealed class DescriptorOnly : Rule
    {
        public override RuleMetadata Metadata { get; } = Meta("TEST007");

        public override void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
        {
        }
    }

    private abstract class DocumentBase : Rule
    {
        public override void CheckDocument(JsonDocumentModel document, RuleContext context)
        {
        }
    }

    private sealed class InheritsDocumentHook : DocumentBase
    {
        public override RuleMetadata Metadata { get; } = Meta("TEST008");
    }

    private sealed class ExplicitHooks : Rule, IRule
    {
        public int Layouts { get; private set; }

        public int Descriptors { get; private set; }

        public override RuleMetadata Metadata { get; } = Meta("TEST012");

        void IRule.CheckLayout(LayoutModel layout, RuleContext context) => Layouts++;

        void IRule.CheckDescriptor(DescriptorModel descriptor, RuleContext context) => Descriptors++;
    }

    private sealed class HidingHooks : Rule, IRule
    {
        public int Documents { get; private set; }

        public override RuleMetadata Metadata { get; } = Meta("TEST013");

        public new void CheckDocument(JsonDocumentModel document, RuleContext context) => Documents++;
    }

    /// <summary>A plugin may implement the interface directly: it gets every hook.</summary>
    private sealed class PlainRule : IRule
    {
        public RuleMetadata Metadata { get; } = Meta("TEST009");

        public void CheckLayout(LayoutModel layout, RuleContext context)
        {
        }

        public void CheckDocument(JsonDocumentModel document, RuleContext context)
        {
        }

        public void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
        {
        }
    }
}
