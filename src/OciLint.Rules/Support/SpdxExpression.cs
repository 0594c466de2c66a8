using System.Text.RegularExpressions;

namespace OciLint.Rules.Support;

/// <summary>
/// The SPDX license expression grammar (SPDX 2.3 Annex D), syntax only: identifiers are not looked up in the
/// SPDX license list, which OciLint does not ship.
/// </summary>
internal static partial class SpdxExpression
{
    private const int MaxDepth = 32;

    /// <summary>What is wrong with the expression, or null when it parses.</summary>
    public static string? Check(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return "it is empty";
        }

        // Values of SPDX documents' license fields, which tools copy into the annotation.
        if (trimmed is "NONE" or "NOASSERTION")
        {
            return null;
        }

        if (Tokenize(trimmed, out var tokens) is { } lexical)
        {
            return lexical;
        }

        var parser = new Parser(tokens);
        return parser.Or(0) ?? (parser.AtEnd ? null : parser.Unexpected());
    }

    private static string? Tokenize(string text, out List<string> tokens)
    {
        tokens = [];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')'))
                {
                    i++;
                }

                var word = text[start..i];
                if (word.FirstOrDefault(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '+' or ':')) is var bad and not '\0')
                {
                    return bad is ',' or '/' or ';' or '|' or '&'
                        ? $"'{bad}' is not an operator: combine licenses with AND or OR"
                        : $"'{bad}' cannot appear in a license identifier";
                }

                tokens.Add(word);
            }
        }

        return null;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _position;

        public bool AtEnd => _position >= tokens.Count;

        /// <summary>or-expression := and-expression ("OR" and-expression)*.</summary>
        public string? Or(int depth)
        {
            if (depth > MaxDepth)
            {
                return "parentheses nest too deeply";
            }

            var problem = And(depth);
            while (problem is null && Accept("OR"))
            {
                problem = And(depth);
            }

            return problem;
        }

        /// <summary>Why the current token cannot continue the expression.</summary>
        public string Unexpected()
        {
            var token = tokens[_position];
            if (token == ")")
            {
                return "a closing parenthesis has no opening one";
            }

            if (IsOperator(token))
            {
                return $"the operator \"{token}\" must be written {token.ToUpperInvariant()}";
            }

            return $"\"{tokens[_position - 1]}\" and \"{token}\" follow each other without AND, OR or WITH";
        }

        private static bool IsOperator(string token) => token.ToUpperInvariant() is "AND" or "OR" or "WITH";

        private bool Accept(string op)
        {
            if (!AtEnd && tokens[_position] == op)
            {
                _position++;
                return true;
            }

            return false;
        }

        /// <summary>and-expression := with-expression ("AND" with-expression)*.</summary>
        private string? And(int depth)
        {
            var problem = With(depth);
            while (problem is null && Accept("AND"))
            {
                problem = With(depth);
            }

            return problem;
        }

        /// <summary>with-expression := primary ["WITH" exception-id].</summary>
        private string? With(int depth)
        {
            if (Primary(depth) is { } problem)
            {
                return problem;
            }

            if (Accept("WITH"))
            {
                if (AtEnd || !ExceptionId().IsMatch(tokens[_position]) || IsOperator(tokens[_position]))
                {
                    return $"WITH must be followed by a license exception identifier, not {(AtEnd ? "the end" : $"\"{tokens[_position]}\"")}";
                }

                _position++;
            }

            return null;
        }

        /// <summary>primary := "(" or-expression ")" | license-id ["+"] | license-ref.</summary>
        private string? Primary(int depth)
        {
            if (AtEnd)
            {
                return "it ends where a license identifier is expected";
            }

            var token = tokens[_position];
            if (Accept("("))
            {
                if (Or(depth + 1) is { } inner)
                {
                    return inner;
                }

                if (AtEnd)
                {
                    return "a parenthesis is not closed";
                }

                return Accept(")") ? null : Unexpected();
            }

            if (token == ")" || IsOperator(token))
            {
                return $"\"{token}\" stands where a license identifier is expected";
            }

            if (!SimpleExpression().IsMatch(token))
            {
                return $"\"{token}\" is not a license identifier (letters, digits, '-' and '.', optionally '+', or LicenseRef-…)";
            }

            _position++;
            return null;
        }
    }

    [GeneratedRegex(@"^(?:(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9.-]+\+?)$", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleExpression();

    [GeneratedRegex(@"^(?:(?:DocumentRef-[A-Za-z0-9.-]+:)?AdditionRef-[A-Za-z0-9.-]+|[A-Za-z0-9.-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionId();
}
