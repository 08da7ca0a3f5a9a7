using System.Globalization;
using System.Text;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Java's <c>Double.toString</c> / <c>Float.toString</c> (what CAST(double AS STRING) prints)
/// and <c>Double.parseDouble</c> plus Spark's special literals (Cast.scala,
/// <c>processFloatingPointSpecialLiterals</c>). Digits are the shortest that round-trip, as
/// JDK 19+ prints them; older JDKs occasionally print one more digit.
/// </summary>
internal static class JavaNumbers
{
    /// <summary><c>Double.toString</c>.</summary>
    public static string ToString(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsInfinity(value) ? (value > 0 ? "Infinity" : "-Infinity")
        : value == 0 ? (double.IsNegative(value) ? "-0.0" : "0.0")
        : Format(value.ToString("R", CultureInfo.InvariantCulture), Math.Abs(value) >= 1e-3 && Math.Abs(value) < 1e7);

    /// <summary><c>Float.toString</c>.</summary>
    public static string ToString(float value) =>
        float.IsNaN(value) ? "NaN"
        : float.IsInfinity(value) ? (value > 0 ? "Infinity" : "-Infinity")
        : value == 0 ? (float.IsNegative(value) ? "-0.0" : "0.0")
        : Format(value.ToString("R", CultureInfo.InvariantCulture), Math.Abs(value) >= 1e-3f && Math.Abs(value) < 1e7f);

    /// <summary>CAST(string AS DOUBLE): Java's parser, then the special literals; null when neither accepts the text.</summary>
    public static double? ParseDouble(string text)
    {
        var s = text.Trim();
        var body = s.Length > 0 && "dDfF".Contains(s[^1], StringComparison.Ordinal) && s.Length > 1 && (char.IsAsciiDigit(s[^2]) || s[^2] == '.') ? s[..^1] : s;
        if (body.Length > 0 && (char.IsAsciiDigit(body[^1]) || body[^1] == '.')
            && body.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')
            && double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        return s.ToLowerInvariant() switch
        {
            "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            "nan" or "+nan" or "-nan" => double.NaN,
            _ => null,
        };
    }

    // Rewrites .NET's shortest round-trip text ("1.5E-05", "12345") in Java's layout.
    private static string Format(string roundTrip, bool plain)
    {
        var negative = roundTrip.StartsWith('-');
        var s = negative ? roundTrip[1..] : roundTrip;
        var exponent = 0;
        var e = s.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..e];
        }

        var point = s.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? s : s[..point] + s[(point + 1)..];
        var pointAt = (point < 0 ? s.Length : point) + exponent;
        var leadingZeros = digits.TakeWhile(c => c == '0').Count();
        digits = digits[leadingZeros..];
        pointAt -= leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var text = new StringBuilder(negative ? "-" : string.Empty);
        if (plain)
        {
            if (pointAt <= 0)
            {
                text.Append("0.").Append('0', -pointAt).Append(digits);
            }
            else if (pointAt >= digits.Length)
            {
                text.Append(digits).Append('0', pointAt - digits.Length).Append(".0");
            }
            else
            {
                text.Append(digits[..pointAt]).Append('.').Append(digits[pointAt..]);
            }
        }
        else
        {
            text.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits[1..] : "0")
                .Append('E').Append((pointAt - 1).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
