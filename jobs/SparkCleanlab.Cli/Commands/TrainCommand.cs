using System.CommandLine;
using System.Globalization;
using System.Text;
using SparkCleanlab.Cli.Console;
using SparkCleanlab.CommandLine.Help;
using SparkCleanlab.ML.CleanLearning;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Parquet;
using SparkCleanlab.ML.Trainers;
using SparkCleanlab.Parquet.Input;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Cli.Commands;

/// <summary>
/// <c>train</c>: CleanLearning from Parquet features and noisy labels. Finds the label issues with out-of-fold
/// probabilities, prunes them, retrains, and commits the model folder atomically (model.zip, classes.json,
/// issues.json, _SUCCESS).
/// </summary>
public static class TrainCommand
{
    private const string Description = "Train a model despite noisy labels (CleanLearning) from Parquet features.";

    /// <summary>The command.</summary>
    public static Verb Create()
    {
        var options = new TrainOptionSet();
        var command = new Command("train", Description);
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.SetAction((result, cancellationToken) => RunAsync(options.Read(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return new Verb(command, new CommandHelp(
            "sparkcleanlab train --input PATH --output FOLDER [options]",
            Description,
            [new("Options", options.All)],
            [
                "sparkcleanlab train --input features.parquet --output model/",
                "sparkcleanlab train --input 'data/*.parquet' --output model/ --trainer lightgbm --categorical city --text title --overwrite",
            ]));
    }

    private static async Task<int> RunAsync(TrainOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var folder = AtomicOutputFolder.Create(options.Output, options.Overwrite, [ParquetFileDiscovery.RootOf(options.Input)]);
        var data = await FeatureTableReader.ReadAsync(options.Input, options.Columns, cancellationToken);
        await FeatureCheck.RunAsync(data, options.Columns.LabelColumn, output);
        var model = await ProgressDisplay.RunAsync(error, options.Progress, progress =>
        {
            var learner = new CleanLearner(MulticlassTrainer.Parse(options.Trainer), new CleanLearningOptions
            {
                OutOfFold = new OutOfFoldOptions { Folds = options.Folds, Seed = options.Seed, Progress = progress },
                ClassNames = data.ClassNames,
            });
            return Task.Run(() => learner.Fit(data.Table, data.Labels, data.ClassCount), cancellationToken);
        });
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
