using System.Globalization;
using System.Text;
using OciLint.Core.Fixes;

namespace OciLint.Reporting;

/// <summary>Wording and character hygiene shared by the writers. Messages quote layout data, which may hold anything.</summary>
internal static class ReportText
{
    /// <summary>
    /// One line, safe for a terminal: line breaks, control characters and bidirectional overrides become visible
    /// escapes (<c>\n</c>, <c>\u001B</c>), so a crafted annotation can neither forge a line nor recolour the output.
    /// </summary>
    public static string ForTerminal(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Drops what XML 1.0 cannot carry at all (C0 controls other than tab/CR/LF, lone surrogates, U+FFFE/U+FFFF).</summary>
    public static string ForXml(string text)
    {
        var builder = (StringBuilder?)null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            var valid = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!valid)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }

    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    /// <summary>The hint under a finding: <c>(fixable: safe) …</c>, <c>(fixable with --unsafe) …</c>, <c>(suggestion, needs --ref-name) …</c>.</summary>
    public static string FixHint(Fix fix)
    {
        var label = fix.Safety switch
        {
            FixSafety.Safe => "(fixable: safe)",
            FixSafety.Unsafe => "(fixable with --unsafe)",
            _ => fix.RequiredInput is { } input ? $"(suggestion, needs --{input})" : "(suggestion)",
        };
        return $"{label} {fix.Title}{(fix.Description is { } more ? "; " + more : "")}";
    }

    /// <summary>The text with a full stop, so another sentence can follow.</summary>
    public static string Sentence(string text)
    {
        text = text.TrimEnd();
        return text.Length == 0 || text[^1] is '.' or '!' or '?' ? text : text + ".";
    }

    /// <summary>How to apply a fix, in one sentence (for formats that cannot carry it otherwise).</summary>
    public static string FixSentence(Fix fix)
    {
        var title = fix.Title.TrimEnd('.', ' ');
        return fix.Safety switch
        {
            FixSafety.Safe => $"Fix: {title} (run 'ocilint fix').",
            FixSafety.Unsafe => $"Fix: {title} (run 'ocilint fix --unsafe').",
            _ => fix.RequiredInput is { } input ? $"Suggestion: {title} (run 'ocilint fix --{input} VALUE')." : $"Suggestion: {title}.",
        };
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F';
}
