using System.Text.Json;
using System.Text.Json.Serialization;
using SparkCleanlab.ML.CleanLearning;
using SparkCleanlab.ML.Parquet;

namespace SparkCleanlab.Cli.Commands;

/// <summary>
/// <c>issues.json</c> in the model folder: what the fit found, for review beside the model. Rows are positions
/// in the input's order (files by path, then row groups), the order find-issues numbers them in.
/// </summary>
/// <param name="Rows">Training rows.</param>
/// <param name="Classes">Class names in index order (indices as names for unnamed integer classes).</param>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="Folds">Out-of-fold folds.</param>
/// <param name="Seed">The seed.</param>
/// <param name="OutOfFoldAccuracy">The fraction of rows whose out-of-fold most probable class is the given label.</param>
/// <param name="LabelIssues">Rows flagged and pruned before the final fit.</param>
/// <param name="Issues">The flagged rows, worst first.</param>
internal sealed record TrainIssues(
    int Rows, IReadOnlyList<string> Classes, string Trainer, int Folds, int Seed, double OutOfFoldAccuracy, int LabelIssues, IReadOnlyList<TrainIssue> Issues)
{
    /// <summary>The file name inside the model folder.</summary>
    public const string FileName = "issues.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Collects the findings of a fit on <paramref name="data"/> by <paramref name="trainer"/> (the fitted model's trainer, with a cross-validated trainer's choice).</summary>
    public static TrainIssues From(FeatureData data, LabelIssueFindings findings, string trainer, TrainOptions options)
    {
        string[] classes = Enumerable.Range(0, data.ClassCount).Select(k => data.ClassNames?[k] ?? k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        int correct = 0;
        for (int row = 0; row < data.Labels.Length; row++)
        {
            correct += ArgMax(findings.OutOfFold.Row(row)) == data.Labels[row] ? 1 : 0;
        }

        TrainIssue[] issues = findings.RankedIssues
            .Select(row => new TrainIssue(row, classes[data.Labels[row]], classes[findings.Report.SuggestedLabel[row]], findings.LabelQuality[row]))
            .ToArray();
        return new TrainIssues(data.Labels.Length, classes, trainer, options.Folds, options.Seed,
            (double)correct / data.Labels.Length, issues.Length, issues);
    }

    /// <summary>Writes <see cref="FileName"/> into <paramref name="folder"/>.</summary>
    public Task WriteAsync(string folder, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json), cancellationToken);

    // Ties go to the lower class, as CleanLearningModel.Predict breaks them.
    private static int ArgMax(ReadOnlySpan<double> probabilities)
    {
        int best = 0;
        for (int k = 1; k < probabilities.Length; k++)
        {
            best = probabilities[k] > probabilities[best] ? k : best;
        }

        return best;
    }
}
