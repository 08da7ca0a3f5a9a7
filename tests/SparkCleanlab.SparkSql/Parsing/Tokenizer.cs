using System.Text;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Splits expression text into tokens as Spark's lexer (SqlBaseLexer.g4) does: backtick
/// identifiers with doubled backticks, single- or double-quoted strings with backslash escapes
/// (<c>ParserUtils.unescapeSQLString</c>), numbers with their type suffixes, comments skipped.
/// </summary>
internal static class Tokenizer
{
    private static readonly string[] Symbols =
        ["<=>", "<>", "<=", ">=", "!=", "==", "->", "||", "=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",", ".", "[", "]", "!", "&", "|", "^", "~", ":"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            i = SkipSpaceAndComments(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "<EOF>", i));
                return tokens;
            }

            var c = text[i];
            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && !PrecededByOperand(tokens)))
            {
                tokens.Add(new Token(TokenKind.Number, ReadNumber(text, ref i), start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
            }
            else if (c == '`')
            {
                tokens.Add(new Token(TokenKind.QuotedIdentifier, ReadQuoted(text, ref i), start));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i), start));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                    ?? throw new ParseException($"[PARSE_SYNTAX_ERROR] Syntax error at or near '{c}'.(line 1, pos {i})");
                i += symbol.Length;
                tokens.Add(new Token(TokenKind.Symbol, symbol, start));
            }
        }
    }

    // ".5" is a number, but "a.5" is not a field access we support, so a dot after an operand stays a symbol.
    private static bool PrecededByOperand(List<Token> tokens) =>
        tokens.Count > 0 && tokens[^1].Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier or TokenKind.Number
            || (tokens.Count > 0 && (tokens[^1].IsSymbol(")") || tokens[^1].IsSymbol("]")));

    private static int SkipSpaceAndComments(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (string.CompareOrdinal(text, i, "--", 0, 2) == 0)
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (string.CompareOrdinal(text, i, "/*", 0, 2) == 0)
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static string ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i + 1 < text.Length && text[i] is 'e' or 'E' && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] is '+' or '-' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i + 1 < text.Length && text[i] is 'B' or 'b' && text[i + 1] is 'D' or 'd')
        {
            i += 2;
        }
        else if (i < text.Length && "LlSsYyDdFf".Contains(text[i], StringComparison.Ordinal))
        {
            i++;
        }

        if (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            throw new ParseException($"[PARSE_SYNTAX_ERROR] Syntax error at or near '{text[start..(i + 1)]}'.(line 1, pos {start})");
        }

        return text[start..i];
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var name = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new ParseException("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: unclosed backtick.");
            }

            if (text[i] == '`')
            {
                if (i + 1 < text.Length && text[i + 1] == '`')
                {
                    name.Append('`');
                    i += 2;
                    continue;
                }

                i++;
                return name.ToString();
            }

            name.Append(text[i++]);
        }
    }

    private static string ReadString(string text, ref int i)
    {
        var quote = text[i++];
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new ParseException("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: unclosed string literal.");
            }

            var c = text[i++];
            if (c == quote)
            {
                return value.ToString();
            }

            if (c != '\\' || i >= text.Length)
            {
                value.Append(c);
                continue;
            }

            var e = text[i++];
            if (e == 'u' && i + 4 <= text.Length)
            {
                value.Append((char)Convert.ToInt32(text.Substring(i, 4), 16));
                i += 4;
                continue;
            }

            value.Append(e switch
            {
                '0' => "\0",
                'b' => "\b",
                'n' => "\n",
                'r' => "\r",
                't' => "\t",
                'Z' => "\u001A",
                '%' => "\\%",
                '_' => "\\_",
                _ => e.ToString(),
            });
        }
    }
}
