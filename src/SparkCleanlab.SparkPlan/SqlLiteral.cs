using System.Globalization;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// Spark SQL literals that carry a .NET value to the JVM bit for bit. A plain <c>0.5</c> is a
/// DECIMAL in Spark SQL and would switch the arithmetic to decimals, so doubles always carry
/// the <c>D</c> suffix; the shortest round-trip form parses back to the same double in Java.
/// </summary>
internal static class SqlLiteral
{
    /// <summary>A DOUBLE literal equal to <paramref name="value"/>, including infinities and NaN.</summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "CAST('NaN' AS DOUBLE)";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)";
        }

        // -0.0 written as "-0D" is unary minus on 0.0, which gives -0.0 in both engines.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? $"(-{text[1..]}D)" : $"{text}D";
    }

    /// <summary>A BIGINT literal.</summary>
    public static string Long(long value) =>
        value == long.MinValue ? "(-9223372036854775807L - 1L)" : $"{value.ToString(CultureInfo.InvariantCulture)}L";

    /// <summary>An INT literal.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A STRING literal with quotes and backslashes escaped.</summary>
    public static string String(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
