namespace SparkCleanlab.SparkSql;

/// <summary>One token: its class, its text (a string literal's value, unescaped) and where it starts.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Position)
{
    /// <summary>True for an unquoted word equal to <paramref name="keyword"/>, ignoring case.</summary>
    public bool Is(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the symbol <paramref name="symbol"/>.</summary>
    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;
}
