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
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Dispatch> ByType = new();

    public abstract RuleMetadata Metadata { get; }

    /// <summary>
    /// The hooks <paramref name="rule"/> implements: the engine calls only those, since calling every rule for each of
    /// 50,000 descriptors costs more than most rules' work. A rule not derived from <see cref="Rule"/> gets every hook.
    /// </summary>
    public static RuleHooks HooksOf(IRule rule) => rule is Rule ? ByType.GetOrAdd(rule.GetType(), Find).Hooks : RuleHooks.All;

    /// <summary>
    /// Whether calling <see cref="Rule"/>'s virtual methods reaches every hook of <paramref name="rule"/>: not when a
    /// class implements an <see cref="IRule"/> method itself (explicitly, or hiding ours with <c>new</c>).
    /// </summary>
    public static bool CalledThroughBase(IRule rule) => rule is Rule && ByType.GetOrAdd(rule.GetType(), Find).ThroughBase;

    // The interface map says which method an IRule call reaches, however the class got there: an override, an
    // explicit implementation or a re-implemented interface. Only the first is reached through Rule's virtual table.
    private static Dispatch Find(Type type)
    {
        var map = type.GetInterfaceMap(typeof(IRule));
        var hooks = RuleHooks.None;
        var throughBase = true;
        for (var i = 0; i < map.InterfaceMethods.Length; i++)
        {
            var hook = map.InterfaceMethods[i].Name switch
            {
                nameof(CheckLayout) => RuleHooks.Layout,
                nameof(CheckDocument) => RuleHooks.Document,
                nameof(CheckDescriptor) => RuleHooks.Descriptor,
                _ => RuleHooks.None,
            };
            if (hook == RuleHooks.None)
            {
                continue;
            }

            var target = map.TargetMethods[i];
            if (target.DeclaringType != typeof(Rule))
            {
                hooks |= hook;
            }

            if (target.GetBaseDefinition().DeclaringType != typeof(Rule))
            {
                throughBase = false;
            }
        }

        return new Dispatch(hooks, throughBase);
    }

    private readonly record struct Dispatch(RuleHooks Hooks, bool ThroughBase);

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
