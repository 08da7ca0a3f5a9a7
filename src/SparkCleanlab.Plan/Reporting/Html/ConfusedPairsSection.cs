using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>
/// At large K, the class pairs behind the bucketed heatmaps: the largest off-diagonal cells of
/// the calibrated confident joint, as a table whose count column is a bar chart.
/// </summary>
internal sealed class ConfusedPairsSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "pairs";

    /// <inheritdoc/>
    public override string Title => "Most confused label pairs";

    /// <inheritdoc/>
    public override bool Applies(ReportContext context) => context.IsLarge;

    /// <inheritdoc/>
    protected override void WriteBody(StringBuilder html, ReportContext context)
    {
        var e = context.Run.Estimates;
        var calibrated = e.ConfidentJoint.Calibrated;
        var noise = context.Latent.NoiseMatrix;
        var k = context.ClassCount;
        var pairs = new List<(int Given, int True, long Rows)>();
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                if (i != j && calibrated[i, j] > 0)
                {
                    pairs.Add((i, j, calibrated[i, j]));
                }
            }
        }

        // Equal counts are common when classes are small: the larger share of the true class breaks the tie.
        var top = pairs.OrderByDescending(p => p.Rows).ThenByDescending(p => noise[p.Given, p.True]).ThenBy(p => p.Given).ThenBy(p => p.True).Take(ReportContext.TableRows).ToList();
        html.Append("<p>The ").Append(top.Count).Append(" largest off-diagonal cells of the calibrated confident joint, of ")
            .Append(HtmlText.Count(pairs.Count)).Append(" non-zero ones: rows given the first label that the model confidently places in the second.</p>");
        if (top.Count == 0)
        {
            html.Append("<p class=\"empty\">No off-diagonal cell is non-zero: no label noise is estimated.</p>");
            return;
        }

        var largest = (double)top[0].Rows;
        html.Append("<table class=\"wide\"><thead><tr><th>#</th><th class=\"text\">given label</th><th class=\"text\">true label</th><th class=\"barhead\">rows (calibrated)</th><th>share of the given label</th><th>P(given | true)</th></tr></thead><tbody>");
        for (var r = 0; r < top.Count; r++)
        {
            var (given, truth, rows) = top[r];
            html.Append("<tr><td>").Append(r + 1).Append("</td>").Append(HtmlText.NameCell(context.Name(given))).Append(HtmlText.NameCell(context.Name(truth)))
                .Append(TableBar.Html(rows / largest, HtmlText.Count(rows)))
                .Append("<td>").Append(HtmlText.Percent((double)rows / e.LabelCounts[given])).Append("</td><td>")
                .Append(HtmlText.Fixed(noise[given, truth])).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}
