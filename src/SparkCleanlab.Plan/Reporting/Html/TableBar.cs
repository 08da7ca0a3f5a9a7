using System.Globalization;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>A bar inside a table cell, with its value written beside it: tables double as bar charts.</summary>
internal static class TableBar
{
    /// <summary>A bar <paramref name="fraction"/> of the cell wide, labelled <paramref name="text"/>.</summary>
    public static string Html(double fraction, string text, string kind = "")
    {
        var width = double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) * 100 : 0;
        return string.Create(CultureInfo.InvariantCulture, $"<td class=\"barcell\"><span class=\"num\">{HtmlText.Encode(text)}</span><span class=\"bar {kind}\"><span style=\"width:{width:0.#}%\"></span></span></td>");
    }
}
