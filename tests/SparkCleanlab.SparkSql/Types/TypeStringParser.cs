using System.Globalization;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Spark's DDL type strings (<c>DataType.fromDDL</c> / <c>CAST(x AS type)</c>): the names and
/// aliases of <c>AstBuilder.visitPrimitiveDataType</c>, case-insensitive.
/// </summary>
internal static class TypeStringParser
{
    public static SqlType Parse(string text)
    {
        var position = 0;
        var type = ParseType(text, ref position);
        SkipSpaces(text, ref position);
        return position == text.Length ? type : throw Error(text);
    }

    /// <summary>The primitive type named <paramref name="name"/>, or null when it names none.</summary>
    public static SqlType? Primitive(string name) => name.ToLowerInvariant() switch
    {
        "boolean" => SqlType.Boolean,
        "tinyint" or "byte" => SqlType.Byte,
        "smallint" or "short" => SqlType.Short,
        "int" or "integer" => SqlType.Int,
        "bigint" or "long" => SqlType.Long,
        "float" or "real" => SqlType.Float,
        "double" => SqlType.Double,
        "string" => SqlType.String,
        "binary" => SqlType.Binary,
        "date" => SqlType.Date,
        "timestamp" or "timestamp_ltz" => SqlType.Timestamp,
        "timestamp_ntz" => SqlType.TimestampNtz,
        "void" => SqlType.Null,
        _ => null,
    };

    private static SqlType ParseType(string text, ref int position)
    {
        var name = Word(text, ref position).ToLowerInvariant();
        switch (name)
        {
            case "decimal" or "dec" or "numeric":
                if (!TryConsume(text, ref position, '('))
                {
                    return SqlType.Decimal(10, 0);
                }

                var precision = Number(text, ref position);
                var scale = TryConsume(text, ref position, ',') ? Number(text, ref position) : 0;
                Expect(text, ref position, ')');
                return SqlType.Decimal(precision, scale);
            case "array":
                Expect(text, ref position, '<');
                var element = ParseType(text, ref position);
                Expect(text, ref position, '>');
                return SqlType.ArrayOf(element);
            case "struct":
                Expect(text, ref position, '<');
                var fields = new List<StructField>();
                if (!TryConsume(text, ref position, '>'))
                {
                    do
                    {
                        var field = FieldName(text, ref position);
                        TryConsume(text, ref position, ':');
                        fields.Add(new StructField(field, ParseType(text, ref position)));
                    }
                    while (TryConsume(text, ref position, ','));
                    Expect(text, ref position, '>');
                }

                return SqlType.StructOf(fields);
            default:
                return Primitive(name) ?? throw new ParseException($"[UNSUPPORTED_DATATYPE] Unsupported data type \"{name.ToUpperInvariant()}\".");
        }
    }

    private static string FieldName(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == '`')
        {
            var end = text.IndexOf('`', position + 1);
            var name = text[(position + 1)..end];
            position = end + 1;
            return name;
        }

        return Word(text, ref position);
    }

    private static string Word(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        return position > start ? text[start..position] : throw Error(text);
    }

    private static int Number(string text, ref int position) =>
        int.Parse(Word(text, ref position), NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool TryConsume(string text, ref int position, char c)
    {
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }

        return false;
    }

    private static void Expect(string text, ref int position, char c)
    {
        if (!TryConsume(text, ref position, c))
        {
            throw Error(text);
        }
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static ParseException Error(string text) => new($"[PARSE_SYNTAX_ERROR] Syntax error in the data type '{text}'.");
}
