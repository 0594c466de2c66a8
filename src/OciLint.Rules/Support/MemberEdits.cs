using System.Text;

namespace OciLint.Rules.Support;

/// <summary>
/// Member-level edits of an object, built on <see cref="JsonEdits.Replace"/>: they copy the separators and the
/// colon spacing the document already uses, so an inserted member looks like its neighbours.
/// </summary>
internal static class MemberEdits
{
    /// <summary>Renames a member in place (only its name's bytes change).</summary>
    public static TextReplacement Rename(JsonDocumentModel document, JsonMember member, string newName) =>
        JsonEdits.Replace(document, member.NameStart, NameEnd(document, member), JsonEdits.Quote(newName));

    /// <summary>Inserts a member after the member named <paramref name="after"/> (when present), else as the last member.</summary>
    public static TextReplacement Insert(JsonDocumentModel document, JsonNode obj, string name, string jsonValue, string? after = null)
    {
        var members = obj.Members;
        if (members.Count == 0)
        {
            return JsonEdits.Replace(document, obj.Start + 1, obj.End - 1, JsonEdits.Quote(name) + ":" + jsonValue);
        }

        var anchor = members.LastOrDefault(m => m.Name == after, members[^1]);
        var text = Separator(document, obj) + JsonEdits.Quote(name) + Colon(document, anchor) + jsonValue;
        return JsonEdits.Replace(document, anchor.Value.End, anchor.Value.End, text);
    }

    /// <summary>Replaces a member's value and adds a new member right after it, as one edit (the two would touch).</summary>
    public static TextReplacement ReplaceAndInsertAfter(JsonDocumentModel document, JsonNode obj, JsonMember member, string newValueJson, string name, string jsonValue) =>
        JsonEdits.Replace(document, member.Value.Start, member.Value.End, newValueJson + Separator(document, obj) + JsonEdits.Quote(name) + Colon(document, member) + jsonValue);

    /// <summary>Removes one member together with the comma that separates it from a neighbour.</summary>
    public static TextReplacement Remove(JsonDocumentModel document, JsonNode obj, JsonMember member)
    {
        var members = obj.Members;
        var index = IndexOf(members, member);
        if (index > 0)
        {
            return JsonEdits.Replace(document, members[index - 1].Value.End, member.Value.End, "");
        }

        return members.Count > 1
            ? JsonEdits.Replace(document, member.NameStart, members[1].NameStart, "")
            : JsonEdits.Replace(document, member.NameStart, member.Value.End, "");
    }

    /// <summary>The text between two elements of an array ("," or ",\n    "), copied from the array itself.</summary>
    public static string ItemSeparator(JsonDocumentModel document, JsonNode array) => array.Items.Count switch
    {
        0 => ",",
        1 => "," + Slice(document, array.Start + 1, array.Items[0].Start),
        _ => Slice(document, array.Items[0].End, array.Items[1].Start),
    };

    public static string Slice(JsonDocumentModel document, int start, int end) => Encoding.UTF8.GetString(document.Bytes, start, end - start);

    private static string Separator(JsonDocumentModel document, JsonNode obj)
    {
        var members = obj.Members;
        if (members.Count >= 2)
        {
            return Slice(document, members[0].Value.End, members[1].NameStart);
        }

        // One member: reuse the whitespace that precedes it ("{\n  \"a\": 1\n}" gives ",\n  ").
        return "," + Slice(document, obj.Start + 1, members[0].NameStart);
    }

    private static string Colon(JsonDocumentModel document, JsonMember member) => Slice(document, NameEnd(document, member), member.Value.Start);

    private static int NameEnd(JsonDocumentModel document, JsonMember member)
    {
        var bytes = document.Bytes;
        var i = member.NameStart + 1;
        while (i < bytes.Length && bytes[i] != (byte)'"')
        {
            i += bytes[i] == (byte)'\\' ? 2 : 1;
        }

        return Math.Min(i + 1, bytes.Length);
    }

    private static int IndexOf(IReadOnlyList<JsonMember> members, JsonMember member)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (ReferenceEquals(members[i].Value, member.Value))
            {
                return i;
            }
        }

        throw new ArgumentException($"member {member.Name} is not in this object", nameof(member));
    }
}
