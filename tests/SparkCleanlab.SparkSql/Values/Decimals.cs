using System.Globalization;
using System.Numerics;
using System.Text;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// DECIMAL values as unscaled <see cref="BigInteger"/>s, the scale coming from the type, with
/// the rounding of Spark's <c>Decimal.changePrecision</c> (ROUND_HALF_UP) and the printing of
/// <c>java.math.BigDecimal.toString</c>, which non-ANSI casts to STRING use (ToStringBase.scala).
/// </summary>
internal static class Decimals
{
    public const int MaxPrecision = 38;

    private static readonly BigInteger[] Powers = Enumerable.Range(0, 200).Select(i => BigInteger.Pow(10, i)).ToArray();

    public static BigInteger Pow10(int n) => Powers[n];

    /// <summary>The value rescaled from one scale to another, rounding half away from zero.</summary>
    public static BigInteger Rescale(BigInteger unscaled, int fromScale, int toScale)
    {
        if (toScale >= fromScale)
        {
            return unscaled * Pow10(toScale - fromScale);
        }

        return DivideHalfUp(unscaled, Pow10(fromScale - toScale));
    }

    /// <summary>Integer division rounding half away from zero (Java's RoundingMode.HALF_UP).</summary>
    public static BigInteger DivideHalfUp(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        if (remainder.IsZero)
        {
            return quotient;
        }

        if (BigInteger.Abs(remainder) * 2 >= BigInteger.Abs(denominator))
        {
            quotient += (numerator.Sign * denominator.Sign) < 0 ? -1 : 1;
        }

        return quotient;
    }

    /// <summary>
    /// The value rounded HALF_UP to <paramref name="digits"/> significant digits, as
    /// <c>java.math.MathContext(38, HALF_UP)</c> rounds Spark's decimal products and quotients
    /// before they are fitted to the result type.
    /// </summary>
    public static (BigInteger Unscaled, int Scale) RoundSignificant(BigInteger unscaled, int scale, int digits)
    {
        var excess = DigitCount(unscaled) - digits;
        return excess <= 0 ? (unscaled, scale) : (DivideHalfUp(unscaled, Pow10(excess)), scale - excess);
    }

    /// <summary>The quotient n / d rounded HALF_UP to <paramref name="digits"/> significant digits, with its scale.</summary>
    public static (BigInteger Unscaled, int Scale) DivideSignificant(BigInteger numerator, BigInteger denominator, int digits)
    {
        if (numerator.IsZero)
        {
            return (BigInteger.Zero, 0);
        }

        // The integral digits of |n / d| fix the scale that leaves the wanted significant digits.
        var whole = BigInteger.Abs(numerator) / BigInteger.Abs(denominator);
        var scale = whole.IsZero
            ? digits + LeadingFractionZeros(BigInteger.Abs(numerator), BigInteger.Abs(denominator))
            : digits - DigitCount(whole);
        var quotient = scale >= 0
            ? DivideHalfUp(numerator * Pow10(scale), denominator)
            : DivideHalfUp(numerator, denominator * Pow10(-scale));
        return (quotient, scale);
    }

    private static int LeadingFractionZeros(BigInteger numerator, BigInteger denominator)
    {
        var zeros = 0;
        while (numerator * Pow10(zeros + 1) < denominator)
        {
            zeros++;
        }

        return zeros;
    }

    /// <summary>The value in DECIMAL(p,s), or null when it needs more than p digits (Spark's non-ANSI overflow).</summary>
    public static object? Fit(BigInteger unscaled, int fromScale, SqlType target)
    {
        if (fromScale - target.Scale >= Powers.Length)
        {
            return BigInteger.Zero;
        }

        var value = Rescale(unscaled, fromScale, target.Scale);
        return BigInteger.Abs(value) < Pow10(target.Precision) ? value : null;
    }

    /// <summary>Parses a decimal number as <c>new java.math.BigDecimal(text)</c> accepts it; null when it is not one.</summary>
    public static (BigInteger Unscaled, int Scale)? Parse(string text)
    {
        var s = text.Trim();
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        var digits = new StringBuilder();
        var scale = 0;
        var seenPoint = false;
        for (; i < s.Length && (char.IsAsciiDigit(s[i]) || (s[i] == '.' && !seenPoint)); i++)
        {
            if (s[i] == '.')
            {
                seenPoint = true;
                continue;
            }

            digits.Append(s[i]);
            if (seenPoint)
            {
                scale++;
            }
        }

        if (digits.Length == 0)
        {
            return null;
        }

        if (i < s.Length)
        {
            if ((s[i] != 'e' && s[i] != 'E') || !int.TryParse(s.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
            {
                return null;
            }

            scale -= exponent;
        }

        var unscaled = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        if (scale < 0)
        {
            unscaled *= Pow10(-scale);
            scale = 0;
        }

        return (negative ? -unscaled : unscaled, scale);
    }

    /// <summary>The number of significant digits (at least 1), as BigDecimal.precision counts them.</summary>
    public static int DigitCount(BigInteger unscaled) => unscaled.IsZero ? 1 : BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture).Length;

    /// <summary><c>java.math.BigDecimal.toString</c>: plain unless the adjusted exponent is below -6.</summary>
    public static string ToJavaString(BigInteger unscaled, int scale)
    {
        var coefficient = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        var sign = unscaled.Sign < 0 ? "-" : string.Empty;
        var adjusted = -scale + (coefficient.Length - 1);
        if (scale == 0)
        {
            return sign + coefficient;
        }

        if (adjusted >= -6)
        {
            return coefficient.Length > scale
                ? sign + coefficient[..^scale] + "." + coefficient[^scale..]
                : sign + "0." + new string('0', scale - coefficient.Length) + coefficient;
        }

        var mantissa = coefficient.Length > 1 ? coefficient[0] + "." + coefficient[1..] : coefficient;
        return sign + mantissa + "E" + adjusted.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The nearest double (BigDecimal.doubleValue rounds correctly, as .NET's parser does).</summary>
    public static double ToDouble(BigInteger unscaled, int scale) =>
        double.Parse(ToJavaString(unscaled, scale), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// The decimal of a double as Scala's <c>BigDecimal(d)</c> builds it, from the digits of
    /// <c>Double.toString</c>; null for NaN and infinities.
    /// </summary>
    public static (BigInteger Unscaled, int Scale)? FromDouble(double value) =>
        double.IsFinite(value) ? Parse(JavaNumbers.ToString(value)) : null;

    /// <summary>The System.Decimal handed out by collect; throws when the value is outside its range.</summary>
    public static decimal ToClr(BigInteger unscaled, int scale) =>
        decimal.Parse(ToJavaString(unscaled, scale), NumberStyles.Float, CultureInfo.InvariantCulture);
}
