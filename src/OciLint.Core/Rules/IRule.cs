using OciLint.Core.Model;

namespace OciLint.Core.Rules;

/// <summary>A check over a loaded layout. Rules only judge: they never read files or print.</summary>
/// <remarks>
/// The engine calls each rule's hooks one at a time, in order: the layout, every document, every descriptor. On a big
/// layout different rules run on different threads at once, so a rule keeps no state that another rule can reach;
/// the model's lazily built facts (JsonDocumentModel.GetOrAdd, positions, pointers) are safe to share.
/// </remarks>
public interface IRule
{
    RuleMetadata Metadata { get; }

    /// <summary>Called once per layout.</summary>
    void CheckLayout(LayoutModel layout, RuleContext context);

    /// <summary>Called for every JSON document: oci-layout, index.json and each parsed blob.</summary>
    void CheckDocument(JsonDocumentModel document, RuleContext context);

    /// <summary>Called for every descriptor of every parsed document.</summary>
    void CheckDescriptor(DescriptorModel descriptor, RuleContext context);
}

/// <summary>Base class: override only the hooks a rule needs.</summary>
public abstract class Rule : IRule
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, RuleHooks> HooksByType = new();

    public abstract RuleMetadata Metadata { get; }

    /// <summary>
    /// The hooks <paramref name="rule"/> implements: the engine calls only those, since calling every rule for each of
    /// 50,000 descriptors costs more than most rules' work. A rule not derived from <see cref="Rule"/> gets every hook.
    /// </summary>
    public static RuleHooks HooksOf(IRule rule) => rule is Rule ? HooksByType.GetOrAdd(rule.GetType(), Find) : RuleHooks.All;

    private static RuleHooks Find(Type type)
    {
        var hooks = RuleHooks.None;
        if (Overrides(type, nameof(CheckLayout), typeof(LayoutModel)))
        {
            hooks |= RuleHooks.Layout;
        }

        if (Overrides(type, nameof(CheckDocument), typeof(JsonDocumentModel)))
        {
            hooks |= RuleHooks.Document;
        }

        if (Overrides(type, nameof(CheckDescriptor), typeof(DescriptorModel)))
        {
            hooks |= RuleHooks.Descriptor;
        }

        return hooks;
    }

    private static bool Overrides(Type type, string name, Type part) =>
        type.GetMethod(name, [part, typeof(RuleContext)])?.DeclaringType != typeof(Rule);

    public virtual void CheckLayout(LayoutModel layout, RuleContext context)
    {
    }

    public virtual void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
    }

    public virtual void CheckDescriptor(DescriptorModel descriptor, RuleContext context)
    {
    }
}

[Flags]
public enum RuleHooks
{
    None = 0,
    Layout = 1,
    Document = 2,
    Descriptor = 4,
    All = Layout | Document | Descriptor,
}
