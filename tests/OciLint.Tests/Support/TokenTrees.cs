using OciLint.Core.Model;
using OciLint.Rules.Support;

namespace OciLint.Tests.Support;

/// <summary>Whether a document's Newtonsoft token tree was built: the fast paths promise it is not for valid documents.</summary>
internal static class TokenTrees
{
    public static bool WasBuilt(JsonDocumentModel document)
    {
        var built = true;
        document.GetOrAdd(d =>
        {
            built = false;
            return JsonTokenTree.Of(d.Root!);
        });
        return built;
    }
}
