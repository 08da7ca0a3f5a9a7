using System.Text.Json;
using System.Text.Json.Serialization;
using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Options;

namespace SparkCleanlab.Spark;

/// <summary>summary.json: what the run found, from the driver's K x K numbers and the output counts.</summary>
internal sealed record RunSummary(
    [property: JsonPropertyName("engine")] string Engine,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("invalid_rows")] long InvalidRows,
    [property: JsonPropertyName("cleaned_rows")] long CleanedRows,
    [property: JsonPropertyName("label_issues")] long LabelIssues,
    [property: JsonPropertyName("num_classes")] int ClassCount,
    [property: JsonPropertyName("classes")] IReadOnlyList<string>? Classes,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("confident_thresholds")] double[] Thresholds,
    [property: JsonPropertyName("label_counts")] long[] LabelCounts,
    [property: JsonPropertyName("num_label_issues")] long NumLabelIssues,
    [property: JsonPropertyName("overall_label_health_score")] double Health,
    [property: JsonPropertyName("selection_rounds")] int SelectionRounds)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static RunSummary Of(FindIssuesOptions options, NoiseEstimates estimates, IReadOnlyList<string>? classes, long invalid, long issues, int rounds)
    {
        var n = estimates.RowCount;
        return new RunSummary(
            "spark", n + invalid, invalid, n - issues, issues, estimates.ClassCount, classes,
            options.Issues.Method.ToString(), estimates.Thresholds.ToArray(), estimates.LabelCounts.ToArray(),
            estimates.NumLabelIssues(), 1.0 - ((double)estimates.NumLabelIssues() / n), rounds);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
