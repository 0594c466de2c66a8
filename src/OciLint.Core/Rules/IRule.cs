using OciLint.Core.Model;

namespace OciLint.Core.Rules;

/// <summary>A check over a loaded layout. Rules only judge: they never read files or print.</summary>
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
    public abstract RuleMetadata Metadata { get; }

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
