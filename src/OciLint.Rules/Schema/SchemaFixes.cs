using OciLint.Rules.Support;

namespace OciLint.Rules.Schema;

/// <summary>
/// The safe fixes schema-backed rules offer, each only in index.json and oci-layout (blobs are
/// content-addressed): add a missing member with the one value the spec allows, drop a member that is
/// null, or turn a null into the empty value. None of them can lose information: null carries none.
/// </summary>
internal static class SchemaFixes
{
    /// <summary>Adds <paramref name="name"/> when the failure is that it is missing (not when it has a wrong value).</summary>
    public static Fix? AddMissing(JsonDocumentModel document, SchemaError error, string name, string jsonValue, string? after = null)
    {
        if (!Writable(document) || error.Node is not { IsObject: true } obj || document.NodeAt(error.Pointer) is not null
            || error.Pointer != JsonPointer.Append(obj.Pointer, name))
        {
            return null;
        }

        return new Fix($"add \"{name}\": {jsonValue}", FixSafety.Safe, [MemberEdits.Insert(document, obj, name, jsonValue, after)]);
    }

    /// <summary>Removes a member whose value is null.</summary>
    public static Fix? RemoveNullMember(JsonDocumentModel document, SchemaError error)
    {
        if (!Writable(document) || error.Node is not { IsNull: true } value || Parent(document, value) is not { IsObject: true } obj)
        {
            return null;
        }

        // The parent found by pointer may be another object of the same name (a duplicate member): only its own member is removed.
        if (value.Member is not { } member || !obj.Members.Any(m => ReferenceEquals(m.Value, value)))
        {
            return null;
        }

        return new Fix($"remove \"{member.Name}\": null", FixSafety.Safe, [MemberEdits.Remove(document, obj, member)]);
    }

    /// <summary>Replaces a null value with <paramref name="json"/> (e.g. <c>[]</c>).</summary>
    public static Fix? ReplaceNull(JsonDocumentModel document, SchemaError error, string json)
    {
        if (!Writable(document) || error.Node is not { IsNull: true } value)
        {
            return null;
        }

        var name = JsonPointer.Parse(value.Pointer) is { Count: > 0 } tokens ? tokens[^1] : "";
        return new Fix($"replace \"{name}\": null with {json}", FixSafety.Safe, [JsonEdits.ReplaceValue(document, value, json)]);
    }

    private static bool Writable(JsonDocumentModel document) => document.Kind is DocumentKind.IndexJson or DocumentKind.OciLayout;

    private static JsonNode? Parent(JsonDocumentModel document, JsonNode node)
    {
        var cut = node.Pointer.LastIndexOf('/');
        return cut < 0 ? null : document.NodeAt(node.Pointer[..cut]);
    }
}
