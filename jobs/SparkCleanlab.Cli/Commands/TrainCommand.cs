using SparkCleanlab.Plan;
using System.Globalization;
using System.Text;
using SparkCleanlab.Cli.Console;
using SparkCleanlab.ML.CleanLearning;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Parquet;
using SparkCleanlab.ML.Trainers;
using SparkCleanlab.Parquet.Input;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Cli.Commands;

/// <summary>
/// <c>train</c>: CleanLearning from Parquet features and noisy labels. Finds the label issues with out-of-fold
/// probabilities, prunes them, retrains, and commits the model folder atomically (model.zip, classes.json,
/// issues.json, _SUCCESS).
/// </summary>
public static class TrainCommand
{
    /// <summary>The command's table entry.</summary>
    public static Command Command { get; } = new("train", "Train a model despite noisy labels (CleanLearning) from Parquet features.", Help, RunAsync);

    private static string Help() => OptionTable.Help("sparkcleanlab train --input PATH --output FOLDER [options]", TrainOptions.Table);

    private static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = TrainOptions.Parse(args);
        using var folder = AtomicOutputFolder.Create(options.Output, options.Overwrite, [ParquetFileDiscovery.RootOf(options.Input)]);
        var data = await FeatureTableReader.ReadAsync(options.Input, options.Columns, cancellationToken);
        await FeatureCheck.RunAsync(data, options.Columns.LabelColumn, output);
        using var progress = ProgressRenderer.For(error, options.Progress);
        var learner = new CleanLearner(MulticlassTrainer.Parse(options.Trainer), new CleanLearningOptions
        {
            OutOfFold = new OutOfFoldOptions { Folds = options.Folds, Seed = options.Seed, Progress = progress },
            ClassNames = data.ClassNames,
        });
        var model = await Task.Run(() => learner.Fit(data.Table, data.Labels, data.ClassCount), cancellationToken);
        progress?.Finish();
        var issues = TrainIssues.From(data, model.Findings!, model.Info.Trainer, options);
        model.Save(folder.WorkingPath);
        await issues.WriteAsync(folder.WorkingPath, cancellationToken);
        folder.Commit();
        await output.WriteAsync(Summary(data, issues, folder.FinalPath));
        return (int)ExitCode.Success;
    }

    private static string Summary(FeatureData data, TrainIssues issues, string path)
    {
        var inv = CultureInfo.InvariantCulture;
        return new StringBuilder()
            .Append(inv, $"Trained {issues.Trainer} on {issues.Rows:N0} rows, {data.Table.Columns.Count} feature column(s), {data.ClassCount} classes ({issues.Folds} folds, seed {issues.Seed})\n")
            .Append(inv, $"Out-of-fold accuracy against the given labels: {issues.OutOfFoldAccuracy:F4}\n")
            .Append(inv, $"Label issues: {issues.LabelIssues:N0} of {issues.Rows:N0} rows ({(double)issues.LabelIssues / issues.Rows:P2}), pruned before the final fit\n")
            .Append(inv, $"Model: {path} (model.zip, classes.json, issues.json)\n")
            .ToString();
    }
}
