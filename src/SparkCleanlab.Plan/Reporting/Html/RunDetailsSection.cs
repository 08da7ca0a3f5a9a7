using System.Globalization;
using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>How the run was made: method and parameters, input and its fingerprint, engine, trained model, timings.</summary>
internal sealed class RunDetailsSection : ReportSection
{
    private const int ListedFiles = 20;
    private const int ListedValues = 20;

    /// <inheritdoc/>
    public override string Id => "run";

    /// <inheritdoc/>
    public override string Title => "How this run was made";

    /// <inheritdoc/>
    protected override void WriteBody(StringBuilder html, ReportContext context)
    {
        var run = context.Run;
        var request = context.Request;
        var issues = request.Issues;
        var columns = request.Columns;
        html.Append("<div class=\"details\">");
        Block(html, "Method and parameters",
        [
            ("filter_by", issues.Method.ReferenceName()),
            ("rank_by", issues.RankBy.ReferenceName()),
            ("frac_noise", issues.FracNoise.ToString(CultureInfo.InvariantCulture)),
            ("num_to_remove_per_class", issues.NumToRemovePerClass is { } counts ? List(counts.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToList()) : "not set"),
            ("min_examples_per_class", issues.MinExamplesPerClass.ToString(CultureInfo.InvariantCulture)),
            ("adjust_pred_probs", issues.AdjustPredProbs ? "true" : "false"),
            ("invalid rows", request.InvalidRows.ReferenceName()),
            ("sum tolerance", request.SumTolerance.ToString(CultureInfo.InvariantCulture)),
            ("annotated output", request.Annotated ? "written" : "not written"),
            ("prior method of the noise matrix", "cnt"),
        ]);
        Block(html, "Input",
        [
            ("paths", request.Inputs.Count == 0 ? "none given" : List(request.Inputs)),
            ("label column", columns.Label),
            ("probabilities", columns.ProbabilityColumns is { } named ? List(named) : columns.ProbabilityPrefix is { } prefix ? $"columns {prefix}0 … {prefix}{context.ClassCount - 1}" : columns.ProbabilitiesColumn),
            ("id column", columns.Id ?? "none"),
            ("classes", HtmlText.Count(context.ClassCount)),
            ("rows read", HtmlText.Count(run.InputRows)),
            ("fingerprint (SHA-256)", run.Fingerprint?.Hash ?? "not taken"),
        ]);
        Block(html, "Engine",
        [
            ("engine", run.Engine),
            ("output", run.OutputPath),
            ("threads", context.Threads?.ToString(CultureInfo.InvariantCulture) ?? "engine default"),
            ("partitions", run.Partitions?.ToString(CultureInfo.InvariantCulture) ?? "not reported"),
            ("peak live batches", run.PeakLiveBatches?.ToString(CultureInfo.InvariantCulture) ?? "not reported"),
            ("selection rounds", run.SelectionRounds.ToString(CultureInfo.InvariantCulture)),
        ]);
        Block(html, "Model", run.Training is { } training
            ?
            [
                ("trainer", training.Trainer),
                ("feature columns", List(training.FeatureColumns)),
                ("folds", training.Folds.ToString(CultureInfo.InvariantCulture)),
                ("seed", training.Seed.ToString(CultureInfo.InvariantCulture)),
            ]
            : [("trainer", "none: the probabilities came with the input")]);
        html.Append("</div>");
        Files(html, run.Fingerprint);
        Timings(html, run.Timings);
    }

    private static void Block(StringBuilder html, string title, IReadOnlyList<(string Name, string Value)> entries)
    {
        html.Append("<div class=\"block\"><h3>").Append(HtmlText.Encode(title)).Append("</h3><dl>");
        foreach (var (name, value) in entries)
        {
            html.Append("<dt>").Append(HtmlText.Encode(name)).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd>");
        }

        html.Append("</dl></div>");
    }

    private static void Files(StringBuilder html, InputFingerprint? fingerprint)
    {
        if (fingerprint is null || fingerprint.Files.Count == 0)
        {
            return;
        }

        html.Append("<h3>Input files</h3><table class=\"wide\"><thead><tr><th class=\"text\">file</th><th>bytes</th><th class=\"text\">modified (UTC)</th></tr></thead><tbody>");
        foreach (var file in fingerprint.Files.Take(ListedFiles))
        {
            html.Append("<tr><td class=\"text path\">").Append(HtmlText.Encode(file.Path)).Append("</td><td>").Append(HtmlText.Count(file.Size))
                .Append("</td><td class=\"text\">").Append(file.ModifiedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (fingerprint.Files.Count > ListedFiles)
        {
            html.Append("<p class=\"note\">and ").Append(HtmlText.Count(fingerprint.Files.Count - ListedFiles)).Append(" more files; <code>summary.json</code> lists them all.</p>");
        }
    }

    private static void Timings(StringBuilder html, StageTimings timings)
    {
        var total = timings.Total.TotalSeconds;
        html.Append("<h3>Time per stage</h3><table class=\"wide\"><thead><tr><th class=\"text\">stage</th><th class=\"barhead\">wall time</th></tr></thead><tbody>");
        foreach (var (stage, elapsed) in timings.Stages)
        {
            html.Append("<tr><td class=\"text\">").Append(HtmlText.Encode(stage)).Append("</td>")
                .Append(TableBar.Html(total > 0 ? elapsed.TotalSeconds / total : 0, HtmlText.Seconds(elapsed), "time")).Append("</tr>");
        }

        html.Append("</tbody><tfoot><tr><td class=\"text\">total</td><td>").Append(HtmlText.Seconds(timings.Total)).Append("</td></tr></tfoot></table>");
    }

    private static string List(IReadOnlyList<string> values) =>
        values.Count <= ListedValues ? string.Join(", ", values) : string.Join(", ", values.Take(ListedValues)) + $", … ({values.Count} in all)";
}
