using System.Globalization;
using System.Numerics;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Recursive descent over the expression part of Spark's grammar (SqlBaseParser.g4):
/// OR below AND below NOT below predicates (IS NULL, IN, BETWEEN) below comparisons, then
/// <c>|</c>, <c>^</c>, <c>&amp;</c>, <c>+ - ||</c>, <c>* / % DIV</c>, unary minus, and
/// primaries with <c>.field</c> and <c>[index]</c>. Literal typing follows
/// <c>AstBuilder</c>: integers are INT, then BIGINT, then DECIMAL; <c>1.5</c> is DECIMAL;
/// exponents and <c>D</c> are DOUBLE.
/// </summary>
internal sealed class Parser
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "AS", "IS", "IN", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "DIV", "ASC", "DESC", "NULLS", "OVER", "FROM", "LIKE",
    };

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _position;

    private Parser(string text)
    {
        _text = text;
        _tokens = Tokenizer.Tokenize(text);
    }

    private Token Current => _tokens[_position];

    /// <summary>A select-list item: an expression with an optional alias, or <c>*</c>.</summary>
    public static Syntax ParseSelectItem(string text)
    {
        var parser = new Parser(text);
        if (parser.Current.IsSymbol("*") && parser._tokens[1].Kind == TokenKind.End)
        {
            return new StarSyntax();
        }

        var expression = parser.ParseExpression();
        if (parser.Accept("AS"))
        {
            expression = new AliasSyntax(expression, parser.AliasNames());
        }
        else if (parser.Current.Kind == TokenKind.QuotedIdentifier || (parser.Current.Kind == TokenKind.Identifier && !Reserved.Contains(parser.Current.Text)))
        {
            expression = new AliasSyntax(expression, [parser.Advance().Text]);
        }
        else if (parser.Current.IsSymbol("("))
        {
            expression = new AliasSyntax(expression, parser.AliasNames());
        }

        parser.ExpectEnd();
        return expression;
    }

    /// <summary>A single expression (a filter condition).</summary>
    public static Syntax ParseExpression(string text)
    {
        var parser = new Parser(text);
        var expression = parser.ParseExpression();
        parser.ExpectEnd();
        return expression;
    }

    /// <summary>A sort expression: <c>x [ASC|DESC] [NULLS FIRST|LAST]</c>.</summary>
    public static SortSyntax ParseSort(string text)
    {
        var parser = new Parser(text);
        var sort = parser.SortItem();
        parser.ExpectEnd();
        return sort;
    }

    private IReadOnlyList<string> AliasNames()
    {
        if (!AcceptSymbol("("))
        {
            return [Name()];
        }

        var names = new List<string> { Name() };
        while (AcceptSymbol(","))
        {
            names.Add(Name());
        }

        ExpectSymbol(")");
        return names;
    }

    private SortSyntax SortItem()
    {
        var expression = ParseExpression();
        var descending = Accept("DESC");
        if (!descending)
        {
            Accept("ASC");
        }

        var nullsFirst = !descending;
        if (Accept("NULLS"))
        {
            nullsFirst = Accept("FIRST");
            if (!nullsFirst)
            {
                Expect("LAST");
            }
        }

        return new SortSyntax(expression, descending, nullsFirst);
    }

    private Syntax ParseExpression() => Or();

    private Syntax Or()
    {
        var left = And();
        while (Accept("OR"))
        {
            left = new BinarySyntax("OR", left, And());
        }

        return left;
    }

    private Syntax And()
    {
        var left = Not();
        while (Accept("AND"))
        {
            left = new BinarySyntax("AND", left, Not());
        }

        return left;
    }

    private Syntax Not() => Accept("NOT") || AcceptSymbol("!") ? new UnarySyntax("NOT", Not()) : Predicated();

    private Syntax Predicated()
    {
        var value = Comparison();
        if (Accept("IS"))
        {
            var negated = Accept("NOT");
            Expect("NULL");
            return new IsNullSyntax(value, negated);
        }

        var not = Current.Is("NOT") && (_tokens[_position + 1].Is("IN") || _tokens[_position + 1].Is("BETWEEN"));
        if (not)
        {
            Advance();
        }

        if (Accept("IN"))
        {
            ExpectSymbol("(");
            var list = new List<Syntax> { ParseExpression() };
            while (AcceptSymbol(","))
            {
                list.Add(ParseExpression());
            }

            ExpectSymbol(")");
            return new InSyntax(value, list, not);
        }

        if (Accept("BETWEEN"))
        {
            var low = Comparison();
            Expect("AND");
            return new BetweenSyntax(value, low, Comparison(), not);
        }

        return value;
    }

    private Syntax Comparison()
    {
        var left = BitOr();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "=" or "==" or "<>" or "!=" or "<" or "<=" or ">" or ">=" or "<=>")
        {
            var op = Advance().Text switch
            {
                "==" => "=",
                "!=" => "<>",
                var other => other,
            };
            left = new BinarySyntax(op, left, BitOr());
        }

        return left;
    }

    private Syntax BitOr() => LeftAssociative(BitXor, "|");

    private Syntax BitXor() => LeftAssociative(BitAnd, "^");

    private Syntax BitAnd() => LeftAssociative(Additive, "&");

    private Syntax Additive() => LeftAssociative(Multiplicative, "+", "-", "||");

    private Syntax Multiplicative()
    {
        var left = Unary();
        while (true)
        {
            if (Current.Kind == TokenKind.Symbol && Current.Text is "*" or "/" or "%")
            {
                left = new BinarySyntax(Advance().Text, left, Unary());
            }
            else if (Accept("DIV"))
            {
                left = new BinarySyntax("DIV", left, Unary());
            }
            else
            {
                return left;
            }
        }
    }

    private Syntax LeftAssociative(Func<Syntax> next, params string[] operators)
    {
        var left = next();
        while (Current.Kind == TokenKind.Symbol && operators.Contains(Current.Text))
        {
            left = new BinarySyntax(Advance().Text, left, next());
        }

        return left;
    }

    private Syntax Unary()
    {
        // The grammar's number rule takes the sign, so -2147483648 is an INT literal.
        if (Current.IsSymbol("-") && _tokens[_position + 1].Kind == TokenKind.Number)
        {
            Advance();
            return Postfix(Number(Advance(), negative: true));
        }

        if (AcceptSymbol("-"))
        {
            return new UnarySyntax("-", Unary());
        }

        if (AcceptSymbol("+"))
        {
            return Unary();
        }

        return Postfix(Primary());
    }

    private Syntax Postfix(Syntax target)
    {
        while (true)
        {
            if (AcceptSymbol("."))
            {
                target = new FieldSyntax(target, Name());
            }
            else if (AcceptSymbol("["))
            {
                var index = ParseExpression();
                ExpectSymbol("]");
                target = new IndexSyntax(target, index);
            }
            else
            {
                return target;
            }
        }
    }

    private Syntax Primary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return Number(token, negative: false);
            case TokenKind.String:
                var text = Advance().Text;
                while (Current.Kind == TokenKind.String)
                {
                    text += Advance().Text;
                }

                return new LiteralSyntax(text, SqlType.String, text);
            case TokenKind.QuotedIdentifier:
                return LambdaOrName();
            case TokenKind.Symbol when token.Text == "(":
                return Parenthesized();
            case TokenKind.Identifier:
                return Word();
            default:
                throw Error(token);
        }
    }

    private Syntax Word()
    {
        var token = Current;
        if (token.Is("NULL"))
        {
            Advance();
            return new LiteralSyntax(null, SqlType.Null, "NULL");
        }

        if (token.Is("TRUE") || token.Is("FALSE"))
        {
            Advance();
            var value = token.Is("TRUE");
            return new LiteralSyntax(value, SqlType.Boolean, value ? "true" : "false");
        }

        if (token.Is("CASE"))
        {
            return Case();
        }

        if (token.Is("CAST") && _tokens[_position + 1].IsSymbol("("))
        {
            return Cast();
        }

        if (Reserved.Contains(token.Text))
        {
            throw Error(token);
        }

        if (_tokens[_position + 1].IsSymbol("("))
        {
            return Call();
        }

        return LambdaOrName();
    }

    private Syntax LambdaOrName()
    {
        var name = Advance().Text;
        return AcceptSymbol("->") ? new LambdaSyntax([name], ParseExpression()) : new NameSyntax(name);
    }

    private Syntax Parenthesized()
    {
        // (x, y) -> body
        var end = _position + 1;
        while (_tokens[end].Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier && _tokens[end + 1].IsSymbol(","))
        {
            end += 2;
        }

        if (_tokens[end].Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier && _tokens[end + 1].IsSymbol(")") && _tokens[end + 2].IsSymbol("->"))
        {
            Advance();
            var parameters = new List<string> { Name() };
            while (AcceptSymbol(","))
            {
                parameters.Add(Name());
            }

            ExpectSymbol(")");
            ExpectSymbol("->");
            return new LambdaSyntax(parameters, ParseExpression());
        }

        ExpectSymbol("(");
        var inner = ParseExpression();
        ExpectSymbol(")");
        return inner;
    }

    private Syntax Case()
    {
        Expect("CASE");
        var operand = Current.Is("WHEN") ? null : ParseExpression();
        var branches = new List<(Syntax, Syntax)>();
        while (Accept("WHEN"))
        {
            var when = ParseExpression();
            Expect("THEN");
            branches.Add((when, ParseExpression()));
        }

        if (branches.Count == 0)
        {
            throw Error(Current);
        }

        var otherwise = Accept("ELSE") ? ParseExpression() : null;
        Expect("END");
        return new CaseSyntax(operand, branches, otherwise);
    }

    private Syntax Cast()
    {
        Advance();
        ExpectSymbol("(");
        var operand = ParseExpression();
        Expect("AS");
        var start = Current.Position;
        var depth = 0;
        while (!(depth == 0 && Current.IsSymbol(")")))
        {
            if (Current.Kind == TokenKind.End)
            {
                throw Error(Current);
            }

            depth += Current.IsSymbol("(") || Current.IsSymbol("<") ? 1 : Current.IsSymbol(")") || Current.IsSymbol(">") ? -1 : 0;
            Advance();
        }

        var type = SqlType.Parse(_text[start..Current.Position]);
        ExpectSymbol(")");
        return new CastSyntax(operand, type);
    }

    private Syntax Call()
    {
        var name = Advance().Text;
        ExpectSymbol("(");
        var arguments = new List<Syntax>();
        var star = false;
        if (AcceptSymbol("*"))
        {
            star = true;
        }
        else if (!Current.IsSymbol(")"))
        {
            if (Current.Is("DISTINCT"))
            {
                throw new ParseException($"[UNSUPPORTED_FEATURE] DISTINCT aggregates are not supported by the local executor: {name}(DISTINCT ...).");
            }

            arguments.Add(ParseExpression());
            while (AcceptSymbol(","))
            {
                arguments.Add(ParseExpression());
            }
        }

        ExpectSymbol(")");
        return new CallSyntax(name, arguments, star, Accept("OVER") ? Window() : null);
    }

    private WindowSyntax Window()
    {
        ExpectSymbol("(");
        var partitionBy = new List<Syntax>();
        var orderBy = new List<SortSyntax>();
        if (Accept("PARTITION") || Accept("DISTRIBUTE"))
        {
            Expect("BY");
            do
            {
                partitionBy.Add(ParseExpression());
            }
            while (AcceptSymbol(","));
        }

        if (Accept("ORDER") || Accept("SORT"))
        {
            Expect("BY");
            do
            {
                orderBy.Add(SortItem());
            }
            while (AcceptSymbol(","));
        }

        if (Current.Is("ROWS") || Current.Is("RANGE"))
        {
            throw new ParseException("[UNSUPPORTED_FEATURE] Explicit window frames are not supported by the local executor.");
        }

        ExpectSymbol(")");
        return new WindowSyntax(partitionBy, orderBy);
    }

    private static LiteralSyntax Number(Token token, bool negative)
    {
        var text = negative ? "-" + token.Text : token.Text;
        var upper = token.Text.ToUpperInvariant();
        var body = upper.EndsWith("BD", StringComparison.Ordinal) ? text[..^2] : upper[^1] is 'L' or 'S' or 'Y' or 'D' or 'F' ? text[..^1] : text;
        var invariant = CultureInfo.InvariantCulture;
        if (upper.EndsWith("BD", StringComparison.Ordinal) || (!upper.Contains('E', StringComparison.Ordinal) && upper.Contains('.', StringComparison.Ordinal) && !"DF".Contains(upper[^1], StringComparison.Ordinal)))
        {
            return DecimalLiteral(body, text);
        }

        switch (upper[^1])
        {
            case 'D':
                return new LiteralSyntax(double.Parse(body, NumberStyles.Float, invariant), SqlType.Double, text);
            case 'F':
                return new LiteralSyntax(float.Parse(body, NumberStyles.Float, invariant), SqlType.Float, text);
            case 'L':
                return long.TryParse(body, NumberStyles.AllowLeadingSign, invariant, out var l)
                    ? new LiteralSyntax(l, SqlType.Long, text)
                    : throw OutOfRange(text, "BIGINT");
            case 'S':
                return short.TryParse(body, NumberStyles.AllowLeadingSign, invariant, out var s)
                    ? new LiteralSyntax(s, SqlType.Short, text)
                    : throw OutOfRange(text, "SMALLINT");
            case 'Y':
                return sbyte.TryParse(body, NumberStyles.AllowLeadingSign, invariant, out var y)
                    ? new LiteralSyntax(y, SqlType.Byte, text)
                    : throw OutOfRange(text, "TINYINT");
        }

        if (upper.Contains('E', StringComparison.Ordinal))
        {
            return new LiteralSyntax(double.Parse(body, NumberStyles.Float, invariant), SqlType.Double, text);
        }

        if (int.TryParse(body, NumberStyles.AllowLeadingSign, invariant, out var i))
        {
            return new LiteralSyntax(i, SqlType.Int, text);
        }

        return long.TryParse(body, NumberStyles.AllowLeadingSign, invariant, out var big)
            ? new LiteralSyntax(big, SqlType.Long, text)
            : DecimalLiteral(body, text);
    }

    // Spark types a decimal literal DECIMAL(max(precision, scale), scale) of its BigDecimal.
    private static LiteralSyntax DecimalLiteral(string body, string text)
    {
        var (unscaled, scale) = Decimals.Parse(body) ?? throw new ParseException($"[INVALID_NUMERIC_LITERAL] Invalid numeric literal {text}.");
        var digits = Decimals.DigitCount(unscaled);
        var precision = Math.Max(digits, scale);
        if (precision > Decimals.MaxPrecision)
        {
            throw new ParseException($"[PARSE_SYNTAX_ERROR] Decimal literal {text} exceeds the maximum precision 38.");
        }

        return new LiteralSyntax((BigInteger)unscaled, SqlType.Decimal(precision, scale), text);
    }

    private static ParseException OutOfRange(string text, string type) =>
        new($"[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal {text} is outside the valid range for {type}.");

    private string Name()
    {
        var token = Advance();
        return token.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier ? token.Text : throw Error(token);
    }

    private Token Advance() => _tokens[_position < _tokens.Count - 1 ? _position++ : _position];

    private bool Accept(string keyword)
    {
        if (!Current.Is(keyword))
        {
            return false;
        }

        _position++;
        return true;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(string keyword)
    {
        if (!Accept(keyword))
        {
            throw Error(Current);
        }
    }

    private void ExpectSymbol(string symbol)
    {
        if (!AcceptSymbol(symbol))
        {
            throw Error(Current);
        }
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.End)
        {
            throw Error(Current);
        }
    }

    private ParseException Error(Token token) =>
        new(token.Kind == TokenKind.End
            ? $"[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.(line 1, pos {token.Position})\n\n== SQL ==\n{_text}"
            : $"[PARSE_SYNTAX_ERROR] Syntax error at or near '{token.Text}'.(line 1, pos {token.Position})\n\n== SQL ==\n{_text}");
}
