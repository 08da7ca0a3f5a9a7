using System.Globalization;
using System.Net;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>Escaping and the number formats the page uses, all culture-invariant.</summary>
internal static class HtmlText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Text escaped for element content and attribute values.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>A count short enough for a heatmap cell: 950, 12.3k, 4.5M.</summary>
    public static string ShortCount(double value) => value switch
    {
        < 1_000 => value.ToString("0", Invariant),
        < 10_000 => (value / 1_000).ToString("0.#", Invariant) + "k",
        < 1_000_000 => (value / 1_000).ToString("0", Invariant) + "k",
        _ => (value / 1_000_000).ToString("0.#", Invariant) + "M",
    };

    /// <summary>A probability or score with four decimals.</summary>
    public static string Fixed(double value, int decimals = 4) => value.ToString("F" + decimals.ToString(Invariant), Invariant);

    /// <summary>A share as a percentage.</summary>
    public static string Percent(double value) => (value * 100).ToString(Math.Abs(value) < 0.001 && value != 0 ? "0.###" : "0.0", Invariant) + "%";

    /// <summary>A probability short enough for a heatmap cell: two significant digits, no leading zero.</summary>
    public static string Short(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var text = value >= 0.995 ? value.ToString("0.##", Invariant) : value.ToString(value >= 0.1 ? "0.00" : "0.000", Invariant);
        return text.StartsWith("0.", StringComparison.Ordinal) ? text[1..] : text;
    }

    /// <summary>A number for an SVG attribute.</summary>
    public static string Svg(double value) => Math.Round(value, 1).ToString(Invariant);

    /// <summary>Seconds with two decimals.</summary>
    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F2", Invariant) + " s";

    /// <summary>A table cell with a class name or other label, kept on one line and cut with an ellipsis when too long (the full text on hover).</summary>
    public static string NameCell(string text) => $"<td class=\"text\"><span class=\"name\" title=\"{Encode(text)}\">{Encode(text)}</span></td>";

    /// <summary>A label cut to <paramref name="length"/> characters, with an ellipsis when cut.</summary>
    public static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
