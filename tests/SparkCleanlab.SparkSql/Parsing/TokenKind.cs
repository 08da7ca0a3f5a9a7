namespace SparkCleanlab.SparkSql;

/// <summary>The lexical classes of Spark SQL expression text.</summary>
internal enum TokenKind
{
    Identifier,
    QuotedIdentifier,
    Number,
    String,
    Symbol,
    End,
}
