using System.Text;

namespace OciLint.Rules.Support;

/// <summary>
/// Builds <see cref="TextReplacement"/>s on the original bytes of a document, so a fix touches only the
/// bytes it must: member order, unknown members and formatting elsewhere survive.
/// </summary>
public static class JsonEdits
{
    /// <summary>Removes one element of an array together with the comma that separates it from a neighbour.</summary>
    public static TextReplacement RemoveArrayItem(JsonDocumentModel document, JsonNode array, int index)
    {
        var items = array.Items;
        int start, end;
        if (index > 0)
        {
            // ", <item>" : from the end of the previous element to the end of this one.
            start = items[index - 1].End;
            end = items[index].End;
        }
        else if (items.Count > 1)
        {
            // "<item>, " : from this element to the start of the next one.
            start = items[0].Start;
            end = items[1].Start;
        }
        else
        {
            start = items[0].Start;
            end = items[0].End;
        }

        return Replace(document, start, end, "");
    }

    /// <summary>Replaces a value (its exact byte range) with new JSON text.</summary>
    public static TextReplacement ReplaceValue(JsonDocumentModel document, JsonNode node, string json) => Replace(document, node.Start, node.End, json);

    /// <summary>Inserts a member as the first member of an object.</summary>
    public static TextReplacement InsertFirstMember(JsonDocumentModel document, JsonNode obj, string name, string jsonValue)
    {
        var open = obj.Start + 1;
        var text = obj.Members.Count == 0 ? $"{Quote(name)}: {jsonValue}" : $"{Quote(name)}: {jsonValue}, ";
        if (obj.Members.Count > 0)
        {
            return Replace(document, obj.Members[0].NameStart, obj.Members[0].NameStart, text);
        }

        return Replace(document, open, open, text);
    }

    public static TextReplacement Replace(JsonDocumentModel document, int start, int end, string text)
    {
        var (startLine, startColumn) = document.Position(start);
        var (endLine, endColumn) = document.Position(end);
        return new TextReplacement(document.File, start, end - start, text, startLine, startColumn, endLine, endColumn);
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
