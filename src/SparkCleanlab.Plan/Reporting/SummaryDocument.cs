using System.Text.Json;
using System.Text.Json.Serialization;
using SparkCleanlab.Core.Estimation;

using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.Plan.Reporting;

/// <summary>
/// <c>summary.json</c>: every number of the run under the reference's names (thresholds, confident
/// joint raw and calibrated, noise matrices and priors by <c>cnt</c>, health tables), plus the
/// parameters, the input fingerprint, the trained model, timings and selection rounds. Above
/// <see cref="MatrixClassLimit"/> classes the K x K tables (matrices and overlapping class pairs)
/// would make it megabytes long, so they move to <see cref="MatricesFile"/> and the summary keeps
/// the top overlapping pairs.
/// </summary>
internal static class SummaryDocument
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The file that holds the K x K tables when K is above <see cref="MatrixClassLimit"/>.</summary>
    public const string MatricesFile = "matrices.json";

    /// <summary>The largest K whose K x K tables stay in the summary.</summary>
    public const int MatrixClassLimit = 100;

    /// <summary>Overlapping class pairs kept in the summary when the full table moves out.</summary>
    public const int TopOverlappingClasses = 50;

    private static readonly JsonSerializerOptions CompactJson = new(Json) { WriteIndented = false };

    /// <summary>True when a run over <paramref name="classCount"/> classes writes its K x K tables to <see cref="MatricesFile"/>.</summary>
    public static bool SplitsMatrices(int classCount) => classCount > MatrixClassLimit;

    /// <summary>The summary as a JSON-ready tree.</summary>
    public static object Build(RunResult run, FindIssuesRequest options, int? threads)
    {
        var e = run.Estimates;
        var latent = e.Latent(PriorMethod.Count);
        var health = run.Health;
        var split = SplitsMatrices(e.ClassCount);
        return new
        {
            run.Engine,
            Parameters = RunParameters.Of(options, threads),
            Input = run.Fingerprint,
            RequestHash = RequestFingerprint.Of(options),
            Rows = RowCounts(run),
            ClassCount = e.ClassCount,
            ClassNames = run.ClassNames,
            LabelCounts = e.LabelCounts.ToArray(),
            Thresholds = e.Thresholds.ToArray(),
            Matrices = split ? MatricesFile : null,
            ConfidentJoint = split ? null : new { Raw = Rows(e.ConfidentJoint.Counts), Calibrated = Rows(e.ConfidentJoint.Calibrated) },
            Joint = split ? null : Rows(e.Joint),
            Latent = new { PriorMethod = "cnt", latent.Priors, NoiseMatrix = split ? null : Rows(latent.NoiseMatrix), InverseNoiseMatrix = split ? null : Rows(latent.InverseNoiseMatrix) },
            NumLabelIssues = new
            {
                OffDiagonal = e.NumLabelIssues(IssueCountMethod.OffDiagonal),
                OffDiagonalCalibrated = e.NumLabelIssues(IssueCountMethod.OffDiagonalCalibrated),
                Flagged = run.IssueRows,
            },
            Health = new
            {
                health.OverallLabelHealthScore,
                health.NumLabelIssues,
                health.ClassesByLabelQuality,
                OverlappingClasses = split ? null : health.OverlappingClasses,
                TopOverlappingClasses = split ? health.OverlappingClasses.Take(TopOverlappingClasses).ToArray() : null,
            },
            run.Training,
            run.SelectionRounds,
            run.Partitions,
            run.PeakLiveBatches,
            TimingsSeconds = TimingsSeconds(run),
        };
    }

    /// <summary>Where every row went: the <c>rows</c> of the single- and the multi-label summary.</summary>
    public static object RowCounts(RunOutcome run) =>
        new { Input = run.InputRows, Invalid = run.InvalidRows, Cleaned = run.CleanedRows, Issues = run.IssueRows };

    /// <summary>Each stage's wall time in seconds, to the millisecond: the <c>timings_seconds</c> of the single- and the multi-label summary.</summary>
    public static Dictionary<string, double> TimingsSeconds(RunOutcome run) =>
        run.Timings.Stages.ToDictionary(s => s.Stage, s => Math.Round(s.Elapsed.TotalSeconds, 3));

    /// <summary>The summary as indented JSON.</summary>
    public static string Serialize(object summary) => JsonSerializer.Serialize(summary, Json);

    /// <summary>
    /// <see cref="MatricesFile"/>: the K x K tables the summary leaves out, under the summary's
    /// names, as compact JSON; null when K is small enough for the summary to hold them.
    /// </summary>
    public static string? SerializeMatrices(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var e = run.Estimates;
        if (!SplitsMatrices(e.ClassCount))
        {
            return null;
        }

        var latent = e.Latent(PriorMethod.Count);
        return JsonSerializer.Serialize(
            new
            {
                ClassNames = run.ClassNames,
                ConfidentJoint = new { Raw = Rows(e.ConfidentJoint.Counts), Calibrated = Rows(e.ConfidentJoint.Calibrated) },
                Joint = Rows(e.Joint),
                Latent = new { PriorMethod = "cnt", NoiseMatrix = Rows(latent.NoiseMatrix), InverseNoiseMatrix = Rows(latent.InverseNoiseMatrix) },
                Health = new { run.Health.OverlappingClasses },
            },
            CompactJson);
    }

    private static T[][] Rows<T>(T[,] matrix) =>
        Enumerable.Range(0, matrix.GetLength(0)).Select(i => Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j]).ToArray()).ToArray();
}
