using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>
/// The three matrices of the estimate as heatmaps: the calibrated confident joint, the noise
/// matrix P(given | true) and the joint P(given, true). Up to <see cref="ReportContext.GridLimit"/>
/// classes every class has a row and a column; above, consecutive classes are bucketed.
/// </summary>
internal sealed class MatricesSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "matrices";

    /// <inheritdoc/>
    public override string Title => "Where the labels disagree with the model";

    /// <inheritdoc/>
    protected override void WriteBody(StringBuilder html, ReportContext context)
    {
        var e = context.Run.Estimates;
        var k = context.ClassCount;
        var calibrated = e.ConfidentJoint.Calibrated;
        var noise = context.Latent.NoiseMatrix;
        var joint = e.Joint;
        var rows = e.RowCount;
        html.Append("<p>Rows are the given label, columns the true label as the model confidently sees it; the diagonal is agreement and everything off it is estimated label noise. ")
            .Append("Hover over a cell for its exact value. Colours follow a square-root scale, so small off-diagonal values stay visible next to the diagonal.</p>");
        if (!context.IsLarge)
        {
            var labels = Enumerable.Range(0, k).Select(c => context.IsEmpty(c) ? context.Name(c) + " ∅" : context.Name(c)).ToArray();
            if (context.EmptyClasses.Count > 0)
            {
                html.Append("<p class=\"note\">∅ marks a class never given as a label (see <a href=\"#empty\">Classes never given</a>): its row and column are empty.</p>");
            }

            html.Append("<div class=\"figures\">");
            Figure(html, "Confident joint (calibrated)", "Rows with each given label counted by the class they confidently belong to, calibrated so each row sums to its label's row count.",
                new HeatmapData("cj", ToDouble(calibrated), labels, HtmlText.ShortCount,
                    (i, j) => $"given {context.Name(i)}, true {context.Name(j)}: {HtmlText.Count(calibrated[i, j])} rows",
                    "rows (calibrated count)", HtmlText.ShortCount));
            Figure(html, "Noise matrix P(given label | true label)", "For rows truly of a class (column), the share given each label (row); each column sums to 1.",
                new HeatmapData("noise", noise, labels, HtmlText.Short,
                    (i, j) => $"P(given = {context.Name(i)} | true = {context.Name(j)}) = {HtmlText.Fixed(noise[i, j])}",
                    "P(given | true)", HtmlText.Short));
            Figure(html, "Joint P(given label, true label)", "The calibrated confident joint divided by its total: the whole matrix sums to 1.",
                new HeatmapData("joint", joint, labels, HtmlText.Short,
                    (i, j) => $"P(given = {context.Name(i)}, true = {context.Name(j)}) = {HtmlText.Fixed(joint[i, j], 6)} (≈ {HtmlText.Count((long)Math.Round(joint[i, j] * rows))} rows)",
                    "P(given, true)", HtmlText.Short));
            html.Append("</div>");
            return;
        }

        var buckets = new ClassBuckets(k);
        var bucketLabels = Enumerable.Range(0, buckets.Count).Select(b => Range(buckets, b)).ToArray();
        var bucketedCounts = buckets.Sum((i, j) => calibrated[i, j]);
        var bucketedNoise = buckets.Conditional(noise, context.Latent.Priors);
        var bucketedJoint = buckets.Sum((i, j) => joint[i, j]);
        html.Append("<p class=\"note\">With ").Append(HtmlText.Count(k)).Append(" classes a grid of every class pair would be unreadable, so consecutive classes (by index) are grouped ")
            .Append(HtmlText.Count(buckets.Width)).Append(" to a bucket: each cell totals a block of class pairs. The <a href=\"#pairs\">most confused pairs</a> name the individual classes; ")
            .Append("every class pair is in <code>").Append(SummaryDocument.MatricesFile).Append("</code>.</p><div class=\"figures\">");
        Figure(html, "Confident joint (calibrated), bucketed", "Calibrated counts summed over each block of given and true classes.",
            new HeatmapData("cj", bucketedCounts, bucketLabels, HtmlText.ShortCount,
                (a, b) => $"given {Describe(context, buckets, a)}, true {Describe(context, buckets, b)}: {HtmlText.Count((long)bucketedCounts[a, b])} rows",
                "rows (calibrated count)", HtmlText.ShortCount));
        Figure(html, "Noise matrix P(given bucket | true bucket)", "For rows truly in a bucket of classes (column), the share given a label in each bucket (row), weighted by the estimated prior of each true class.",
            new HeatmapData("noise", bucketedNoise, bucketLabels, HtmlText.Short,
                (a, b) => $"P(given in {Describe(context, buckets, a)} | true in {Describe(context, buckets, b)}) = {HtmlText.Fixed(bucketedNoise[a, b])}",
                "P(given | true)", HtmlText.Short));
        Figure(html, "Joint P(given bucket, true bucket)", "The joint summed over each block of class pairs.",
            new HeatmapData("joint", bucketedJoint, bucketLabels, HtmlText.Short,
                (a, b) => $"P(given in {Describe(context, buckets, a)}, true in {Describe(context, buckets, b)}) = {HtmlText.Fixed(bucketedJoint[a, b], 6)}",
                "P(given, true)", HtmlText.Short));
        html.Append("</div>");
    }

    private static void Figure(StringBuilder html, string title, string caption, HeatmapData data) =>
        html.Append("<figure><h3>").Append(HtmlText.Encode(title)).Append("</h3><figcaption>").Append(HtmlText.Encode(caption))
            .Append("</figcaption>").Append(SvgHeatmap.Render(data)).Append("</figure>");

    private static string Range(ClassBuckets buckets, int b) =>
        buckets.First(b) == buckets.Last(b) ? $"{buckets.First(b)}" : $"{buckets.First(b)}–{buckets.Last(b)}";

    private static string Describe(ReportContext context, ClassBuckets buckets, int b) =>
        $"classes {Range(buckets, b)} ({HtmlText.Clip(context.Name(buckets.First(b)), 16)} … {HtmlText.Clip(context.Name(buckets.Last(b)), 16)})";

    private static double[,] ToDouble(long[,] counts)
    {
        var k = counts.GetLength(0);
        var values = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                values[i, j] = counts[i, j];
            }
        }

        return values;
    }
}
