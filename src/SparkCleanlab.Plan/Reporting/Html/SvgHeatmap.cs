using System.Globalization;
using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>
/// A square matrix as an SVG grid: given label down the left, true label along the bottom,
/// each cell coloured by a <see cref="ColorScale"/> with its value on hover, and written
/// inside the cell when the cells are large enough to hold it.
/// </summary>
internal static class SvgHeatmap
{
    private const double GridWidth = 270;
    private const double MinCell = 8;
    private const double MaxCell = 72;
    private const double LabelFont = 11;
    private const int LabelLength = 14;

    /// <summary>The SVG and its legend.</summary>
    public static string Render(HeatmapData data)
    {
        var inv = CultureInfo.InvariantCulture;
        var values = data.Values;
        var k = values.GetLength(0);
        var max = 0.0;
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        var scale = new ColorScale(max);
        var cell = Math.Clamp(Math.Floor(GridWidth / k), MinCell, MaxCell);
        var showValues = cell >= 26;
        var labelEvery = (int)Math.Ceiling(LabelFont * 1.1 / cell);
        var labels = data.Labels.Select(l => HtmlText.Clip(l, LabelLength)).ToArray();
        var left = 18 + (labels.Max(l => l.Length) * LabelFont * 0.62) + 6;
        var top = 4.0;
        var size = cell * k;
        // Narrow columns need upright labels to keep them apart; wide ones read better slanted.
        var angle = cell < 20 ? -90 : -45;
        var bottom = (labels.Max(l => l.Length) * LabelFont * 0.62 * (angle == -90 ? 1 : 0.72)) + 34;
        var width = left + size + 8;
        var height = top + size + bottom;

        var svg = new StringBuilder();
        svg.Append(inv, $"<svg class=\"heatmap\" width=\"{HtmlText.Svg(width)}\" height=\"{HtmlText.Svg(height)}\" viewBox=\"0 0 {HtmlText.Svg(width)} {HtmlText.Svg(height)}\" role=\"img\" aria-label=\"{HtmlText.Encode(data.LegendCaption)}\">");
        svg.Append(inv, $"<g transform=\"translate({HtmlText.Svg(left)},{HtmlText.Svg(top)})\">");
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var value = values[i, j];
                svg.Append(inv, $"<rect x=\"{HtmlText.Svg(j * cell)}\" y=\"{HtmlText.Svg(i * cell)}\" width=\"{HtmlText.Svg(cell)}\" height=\"{HtmlText.Svg(cell)}\" fill=\"{scale.Color(value)}\"><title>{HtmlText.Encode(data.Hover(i, j))}</title></rect>");
                if (showValues)
                {
                    svg.Append(inv, $"<text class=\"cell{(cell < 36 ? " small" : "")}{(scale.IsDark(value) ? " dark" : "")}\" x=\"{HtmlText.Svg((j + 0.5) * cell)}\" y=\"{HtmlText.Svg((i + 0.5) * cell)}\">{HtmlText.Encode(data.CellText(value))}</text>");
                }
            }
        }

        svg.Append(inv, $"<rect class=\"frame\" width=\"{HtmlText.Svg(size)}\" height=\"{HtmlText.Svg(size)}\"/>");
        for (var i = 0; i < k; i += labelEvery)
        {
            var middle = HtmlText.Svg((i + 0.5) * cell);
            svg.Append(inv, $"<text class=\"row-label\" x=\"-5\" y=\"{middle}\">{HtmlText.Encode(labels[i])}<title>{HtmlText.Encode(data.Labels[i])}</title></text>")
                .Append(inv, $"<text class=\"col-label\" transform=\"translate({middle},{HtmlText.Svg(size + 6)}) rotate({angle})\">{HtmlText.Encode(labels[i])}<title>{HtmlText.Encode(data.Labels[i])}</title></text>");
        }

        svg.Append(inv, $"<text class=\"axis\" transform=\"translate({HtmlText.Svg(-left + 12)},{HtmlText.Svg(size / 2)}) rotate(-90)\">given label</text>")
            .Append(inv, $"<text class=\"axis\" x=\"{HtmlText.Svg(size / 2)}\" y=\"{HtmlText.Svg(size + bottom - 6)}\">true label</text>")
            .Append("</g></svg>");
        return svg.Append(scale.Legend(data.Id + "-scale", data.LegendCaption, data.LegendFormat)).ToString();
    }
}
