using System.Globalization;
using System.Numerics;
using System.Text;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Spark 3.5's non-ANSI <c>Cast</c> (Cast.scala): values that do not fit become NULL, integral
/// narrowing wraps, fractional-to-integral truncates toward zero with Java's saturating
/// narrowing (NaN to 0), strings parse as <c>UTF8String.toInt/toLong</c> and
/// <c>Double.parseDouble</c>, and everything prints as ToStringBase.scala does.
/// </summary>
internal static class Casts
{
    /// <summary>A converter of non-null values from one type to another; its result may be null.</summary>
    public static Func<object, object?> Converter(SqlType from, SqlType to)
    {
        if (from.Equals(to))
        {
            return v => v;
        }

        if (from.Kind == TypeKind.Null)
        {
            return _ => null;
        }

        return to.Kind switch
        {
            TypeKind.String => v => ToText(v, from),
            TypeKind.Boolean => ToBoolean(from),
            TypeKind.Byte or TypeKind.Short or TypeKind.Int or TypeKind.Long => ToIntegral(from, to),
            TypeKind.Float => ToFloat(from),
            TypeKind.Double => ToDouble(from),
            TypeKind.Decimal => ToDecimal(from, to),
            TypeKind.Array when from.Kind == TypeKind.Array => ToArray(from, to),
            TypeKind.Struct when from.Kind == TypeKind.Struct && from.Fields.Count == to.Fields.Count => ToStruct(from, to),
            TypeKind.Binary when from.Kind == TypeKind.String => v => Encoding.UTF8.GetBytes((string)v),
            TypeKind.TimestampNtz or TypeKind.Timestamp when from.Kind is TypeKind.Timestamp or TypeKind.TimestampNtz => v => v,
            _ => throw new AnalysisException(
                $"[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve cast: cannot cast \"{from.Sql}\" to \"{to.Sql}\"."),
        };
    }

    /// <summary>A numeric value as a double (the value of <c>CAST(v AS DOUBLE)</c> for numeric types).</summary>
    public static double AsDouble(object value, SqlType type) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        short s => s,
        sbyte b => b,
        BigInteger u => Decimals.ToDouble(u, type.Scale),
        bool b => b ? 1 : 0,
        _ => throw new InvalidCastException($"{value.GetType().Name} is not numeric."),
    };

    /// <summary>The text of a value as CAST(v AS STRING) prints it.</summary>
    public static string ToText(object value, SqlType type) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        double d => JavaNumbers.ToString(d),
        float f => JavaNumbers.ToString(f),
        BigInteger u => Decimals.ToJavaString(u, type.Scale),
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        object?[] items when type.Kind == TypeKind.Array => Bracketed(items, _ => type.Element!, "[", "]"),
        object?[] fields => Bracketed(fields, i => type.Fields[i].Type, "{", "}"),
        int days when type.Kind == TypeKind.Date => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        long micros when type.Kind is TypeKind.Timestamp or TypeKind.TimestampNtz => TimestampText(micros),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The integer in a string as <c>UTF8String.toLong</c> reads it (trimmed, a fraction of digits dropped); null otherwise.</summary>
    public static long? ParseLong(string text)
    {
        var s = text.Trim();
        var negative = s.StartsWith('-');
        var body = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        var point = body.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? body : body[..point];
        var fraction = point < 0 ? string.Empty : body[(point + 1)..];
        if (body.Length == 0 || body == "." || whole.AsSpan().ContainsAnyExcept("0123456789") || fraction.AsSpan().ContainsAnyExcept("0123456789"))
        {
            return null;
        }

        // Accumulates negatively like UTF8String so that long.MinValue parses.
        long result = 0;
        foreach (var c in whole)
        {
            var digit = c - '0';
            if (result < (long.MinValue + digit) / 10)
            {
                return null;
            }

            result = (result * 10) - digit;
        }

        return negative ? result : (result == long.MinValue ? null : -result);
    }

    private static string Bracketed(object?[] items, Func<int, SqlType> typeOf, string open, string close)
    {
        var text = new StringBuilder(open);
        for (var i = 0; i < items.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(items[i] is { } item ? ToText(item, typeOf(i)) : "null");
        }

        return text.Append(close).ToString();
    }

    private static string TimestampText(long micros)
    {
        var time = DateTime.UnixEpoch.AddTicks(micros * 10);
        var text = time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = (int)(((micros % 1_000_000) + 1_000_000) % 1_000_000);
        return fraction == 0 ? text : text + "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    private static Func<object, object?> ToBoolean(SqlType from) => from.Kind switch
    {
        TypeKind.String => v => ((string)v).Trim().ToLowerInvariant() switch
        {
            "t" or "true" or "y" or "yes" or "1" => true,
            "f" or "false" or "n" or "no" or "0" => false,
            _ => null,
        },
        TypeKind.Decimal => v => !((BigInteger)v).IsZero,
        _ when from.IsNumeric => v => AsDouble(v, from) != 0,
        _ => Unsupported(from, SqlType.Boolean),
    };

    private static Func<object, object?> ToIntegral(SqlType from, SqlType to)
    {
        Func<long, object> narrow = to.Kind switch
        {
            TypeKind.Byte => l => (sbyte)l,
            TypeKind.Short => l => (short)l,
            TypeKind.Int => l => (int)l,
            _ => l => l,
        };
        return from.Kind switch
        {
            TypeKind.Boolean => v => narrow((bool)v ? 1 : 0),
            TypeKind.Byte or TypeKind.Short or TypeKind.Int or TypeKind.Long => v => narrow(Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            // Java's d2i/d2l saturate and map NaN to 0; byte and short go through int.
            TypeKind.Float or TypeKind.Double => v =>
            {
                var d = AsDouble(v, from);
                return to.Kind == TypeKind.Long ? narrow(SaturatingLong(d)) : narrow(SaturatingInt(d));
            },
            TypeKind.Decimal => v => narrow((long)(ulong)(BigInteger.Divide((BigInteger)v, Decimals.Pow10(from.Scale)) & ulong.MaxValue)),
            TypeKind.String => v => ParseLong((string)v) is { } l && FitsIn(l, to) ? narrow(l) : null,
            _ => Unsupported(from, to),
        };
    }

    private static bool FitsIn(long value, SqlType type) => type.Kind switch
    {
        TypeKind.Byte => value is >= sbyte.MinValue and <= sbyte.MaxValue,
        TypeKind.Short => value is >= short.MinValue and <= short.MaxValue,
        TypeKind.Int => value is >= int.MinValue and <= int.MaxValue,
        _ => true,
    };

    /// <summary>Java's <c>(long) d</c>.</summary>
    public static long SaturatingLong(double d) =>
        double.IsNaN(d) ? 0 : d >= 9.2233720368547758E18 ? long.MaxValue : d <= -9.2233720368547758E18 ? long.MinValue : (long)d;

    /// <summary>Java's <c>(int) d</c>.</summary>
    public static int SaturatingInt(double d) =>
        double.IsNaN(d) ? 0 : d >= int.MaxValue ? int.MaxValue : d <= int.MinValue ? int.MinValue : (int)d;

    private static Func<object, object?> ToFloat(SqlType from) => from.Kind switch
    {
        TypeKind.String => v => JavaNumbers.ParseDouble((string)v) is { } d ? (float)d : null,
        TypeKind.Decimal => v => float.Parse(Decimals.ToJavaString((BigInteger)v, from.Scale), NumberStyles.Float, CultureInfo.InvariantCulture),
        TypeKind.Long => v => (float)(long)v,
        _ when from.IsNumeric || from.Kind == TypeKind.Boolean => v => (float)AsDouble(v, from),
        _ => Unsupported(from, SqlType.Float),
    };

    private static Func<object, object?> ToDouble(SqlType from) => from.Kind switch
    {
        TypeKind.String => v => JavaNumbers.ParseDouble((string)v),
        _ when from.IsNumeric || from.Kind == TypeKind.Boolean => v => AsDouble(v, from),
        _ => Unsupported(from, SqlType.Double),
    };

    private static Func<object, object?> ToDecimal(SqlType from, SqlType to) => from.Kind switch
    {
        TypeKind.Decimal => v => Decimals.Fit((BigInteger)v, from.Scale, to),
        TypeKind.Boolean => v => Decimals.Fit((bool)v ? BigInteger.One : BigInteger.Zero, 0, to),
        _ when from.IsIntegral => v => Decimals.Fit(new BigInteger(Convert.ToInt64(v, CultureInfo.InvariantCulture)), 0, to),
        TypeKind.Float => v => Decimals.Parse(JavaNumbers.ToString((float)v)) is { } d && float.IsFinite((float)v) ? Decimals.Fit(d.Unscaled, d.Scale, to) : null,
        TypeKind.Double => v => Decimals.FromDouble((double)v) is { } d ? Decimals.Fit(d.Unscaled, d.Scale, to) : null,
        TypeKind.String => v => Decimals.Parse((string)v) is { } d ? Decimals.Fit(d.Unscaled, d.Scale, to) : null,
        _ => Unsupported(from, to),
    };

    private static Func<object, object?> ToArray(SqlType from, SqlType to)
    {
        var element = Converter(from.Element!, to.Element!);
        return v => ((object?[])v).Select(x => x is null ? null : element(x)).ToArray();
    }

    private static Func<object, object?> ToStruct(SqlType from, SqlType to)
    {
        var fields = from.Fields.Select((f, i) => Converter(f.Type, to.Fields[i].Type)).ToArray();
        return v => ((object?[])v).Select((x, i) => x is null ? null : fields[i](x)).ToArray();
    }

    private static Func<object, object?> Unsupported(SqlType from, SqlType to) =>
        throw new AnalysisException($"[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve cast: cannot cast \"{from.Sql}\" to \"{to.Sql}\".");
}
