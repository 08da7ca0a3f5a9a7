namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>
/// What a heatmap draws: a square matrix with given labels down the rows and true labels across
/// the columns, the names of both axes' entries, how a cell's value reads in the cell and on hover.
/// </summary>
/// <param name="Id">Unique on the page: names the legend's gradient.</param>
/// <param name="Values">[given, true].</param>
/// <param name="Labels">One label per row (and column).</param>
/// <param name="CellText">The value as written inside a cell.</param>
/// <param name="Hover">The text shown on hover for cell [row, column].</param>
/// <param name="LegendCaption">What the colour means.</param>
/// <param name="LegendFormat">How the legend's ticks read.</param>
internal sealed record HeatmapData(
    string Id,
    double[,] Values,
    IReadOnlyList<string> Labels,
    Func<double, string> CellText,
    Func<int, int, string> Hover,
    string LegendCaption,
    Func<double, string> LegendFormat);
