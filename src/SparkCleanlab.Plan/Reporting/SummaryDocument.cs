using System.Text.Json;
using System.Text.Json.Serialization;
using SparkCleanlab.Core.Estimation;

namespace SparkCleanlab.Plan.Reporting;

/// <summary>
/// <c>summary.json</c>: every number of the run under the reference's names (thresholds, confident
/// joint raw and calibrated, noise matrices and priors by <c>cnt</c>, health tables), plus the
/// parameters, the input fingerprint, timings and selection rounds.
/// </summary>
public static class SummaryDocument
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The summary as a JSON-ready tree.</summary>
    public static object Build(RunResult run, FindIssuesRequest options, int? threads)
    {
        var e = run.Estimates;
        var latent = e.Latent(PriorMethod.Count);
        var health = run.Health;
        return new
        {
            run.Engine,
            Parameters = new
            {
                Method = options.Issues.Method.ReferenceName(),
                RankBy = options.Issues.RankBy.ReferenceName(),
                options.Issues.FracNoise,
                options.Issues.NumToRemovePerClass,
                options.Issues.MinExamplesPerClass,
                options.Issues.AdjustPredProbs,
                InvalidRows = options.InvalidRows.ReferenceName(),
                options.SumTolerance,
                Threads = threads,
            },
            Input = run.Fingerprint,
            run.Training,
            Rows = new { Input = run.InputRows, Invalid = run.InvalidRows, Cleaned = run.CleanedRows, Issues = run.IssueRows },
            ClassCount = e.ClassCount,
            ClassNames = run.ClassNames,
            LabelCounts = e.LabelCounts.ToArray(),
            Thresholds = e.Thresholds.ToArray(),
            ConfidentJoint = new { Raw = Rows(e.ConfidentJoint.Counts), Calibrated = Rows(e.ConfidentJoint.Calibrated) },
            Joint = Rows(e.Joint),
            Latent = new { PriorMethod = "cnt", latent.Priors, NoiseMatrix = Rows(latent.NoiseMatrix), InverseNoiseMatrix = Rows(latent.InverseNoiseMatrix) },
            NumLabelIssues = new
            {
                OffDiagonal = e.NumLabelIssues(IssueCountMethod.OffDiagonal),
                OffDiagonalCalibrated = e.NumLabelIssues(IssueCountMethod.OffDiagonalCalibrated),
                Flagged = run.IssueRows,
            },
            Health = new { health.OverallLabelHealthScore, health.NumLabelIssues, health.ClassesByLabelQuality, health.OverlappingClasses },
            run.SelectionRounds,
            run.Partitions,
            run.PeakLiveBatches,
            TimingsSeconds = run.Timings.Stages.ToDictionary(s => s.Stage, s => Math.Round(s.Elapsed.TotalSeconds, 3)),
        };
    }

    /// <summary>The summary as indented JSON.</summary>
    public static string Serialize(object summary) => JsonSerializer.Serialize(summary, Json);

    private static T[][] Rows<T>(T[,] matrix) =>
        Enumerable.Range(0, matrix.GetLength(0)).Select(i => Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j]).ToArray()).ToArray();
}
