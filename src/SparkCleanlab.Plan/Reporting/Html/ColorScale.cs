using System.Globalization;
using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>
/// A sequential white-to-blue scale over [0, max] on a square-root axis: matrices of label noise
/// are dominated by their diagonal, and the square root keeps the small off-diagonal cells visible.
/// </summary>
internal sealed class ColorScale
{
    // ColorBrewer's "Blues", light to dark.
    private static readonly (int R, int G, int B)[] Stops =
    [
        (0xf7, 0xfb, 0xff), (0xde, 0xeb, 0xf7), (0xc6, 0xdb, 0xef), (0x9e, 0xca, 0xe1), (0x6b, 0xae, 0xd6),
        (0x42, 0x92, 0xc6), (0x21, 0x71, 0xb5), (0x08, 0x51, 0x9c), (0x08, 0x30, 0x6b),
    ];

    /// <summary>A scale whose darkest colour is <paramref name="max"/>.</summary>
    public ColorScale(double max) => Max = max > 0 ? max : 1;

    /// <summary>The value of the darkest colour.</summary>
    public double Max { get; }

    /// <summary>Where <paramref name="value"/> sits on the scale, 0 to 1.</summary>
    public double Position(double value) => Math.Sqrt(Math.Clamp(value / Max, 0, 1));

    /// <summary>The fill of <paramref name="value"/>.</summary>
    public string Color(double value) => ColorAt(Position(value));

    /// <summary>True when text on <paramref name="value"/>'s fill must be light to be read.</summary>
    public bool IsDark(double value) => Position(value) > 0.62;

    /// <summary>A horizontal legend: the gradient with five ticks, labelled by <paramref name="format"/>.</summary>
    public string Legend(string id, string caption, Func<double, string> format)
    {
        const double width = 220, barTop = 16, barHeight = 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"legend\" width=\"{width + 40}\" height=\"46\" viewBox=\"-20 0 {width + 40} 46\" role=\"img\" aria-label=\"{HtmlText.Encode(caption)}\">")
            .Append(CultureInfo.InvariantCulture, $"<defs><linearGradient id=\"{id}\">");
        for (var s = 0; s < Stops.Length; s++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<stop offset=\"{HtmlText.Svg(100.0 * s / (Stops.Length - 1))}%\" stop-color=\"{ColorAt((double)s / (Stops.Length - 1))}\"/>");
        }

        svg.Append("</linearGradient></defs>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"10\" class=\"caption\">{HtmlText.Encode(caption)}</text>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{barTop}\" width=\"{width}\" height=\"{barHeight}\" fill=\"url(#{id})\" stroke=\"#c8ced6\" stroke-width=\"0.5\"/>");
        foreach (var position in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            var x = HtmlText.Svg(position * width);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" x2=\"{x}\" y1=\"{barTop + barHeight}\" y2=\"{barTop + barHeight + 4}\" stroke=\"#8a94a0\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{barTop + barHeight + 15}\" text-anchor=\"middle\">{HtmlText.Encode(format(position * position * Max))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string ColorAt(double position)
    {
        var scaled = position * (Stops.Length - 1);
        var low = Math.Min((int)scaled, Stops.Length - 2);
        var t = scaled - low;
        var (r0, g0, b0) = Stops[low];
        var (r1, g1, b1) = Stops[low + 1];
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(r0, r1, t):x2}{Mix(g0, g1, t):x2}{Mix(b0, b1, t):x2}");
    }

    private static int Mix(int from, int to, double t) => (int)Math.Round(from + ((to - from) * t));
}
