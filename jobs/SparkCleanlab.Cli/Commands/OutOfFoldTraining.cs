using System.Globalization;
using SparkCleanlab.CommandLine;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Parquet;
using SparkCleanlab.ML.Trainers;
using SparkCleanlab.Parquet;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Cli.Commands;

/// <summary>
/// The first step of <c>find-issues --train</c>: out-of-fold probabilities from the input's feature columns, for the
/// engine to use in place of a probability column. Features are read in the engine's row order (files by relative
/// path, then row groups), so row r's probabilities belong to the engine's row r.
/// </summary>
public static class OutOfFoldTraining
{
    /// <summary>
    /// Trains and predicts, and writes one line saying how; returns the options the engine runs with (the class
    /// names the labels settled) and the probabilities.
    /// </summary>
    /// <exception cref="UsageException">The trainer name is unknown, or a feature copies the label.</exception>
    /// <exception cref="InputDataException">A feature or label column is missing or unusable (named).</exception>
    /// <exception cref="InsufficientClassDataException">A class has too few rows to train on.</exception>
    /// <exception cref="DataTooLargeException">The features will not fit this machine's memory.</exception>
    public static async Task<(FindIssuesRequest Request, ProvidedProbabilities Probabilities)> RunAsync(
        FindIssuesRequest options, TrainSettings train, TextWriter output, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var trainer = Trainer(train.Trainer);
        var read = new FeatureReadOptions
        {
            LabelColumn = options.Columns.Label,
            Features = train.Features,
            Categorical = train.Categorical,
            Text = train.Text,
            Classes = options.Columns.Classes,
        };
        if (options.Columns.Id is { } id)
        {
            read = read with { IdColumn = id };
        }

        var data = await FeatureTableReader.ReadAsync(options.Inputs[0], read, cancellationToken);
        await FeatureCheck.RunAsync(data, options.Columns.Label, output);
        var predictor = new OutOfFoldPredictor(trainer, new OutOfFoldOptions { Folds = train.Folds, Seed = train.Seed, Progress = progress });
        var predictions = await Task.Run(() => predictor.Predict(data.Table, data.Labels, data.ClassCount), cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Out-of-fold probabilities: {trainer.Name} on {data.Labels.Length:N0} rows, {data.Table.Columns.Count} feature column(s), {data.ClassCount} classes ({train.Folds} folds, seed {train.Seed})"));
        if (trainer.Candidates is not null)
        {
            await output.WriteLineAsync($"Chosen per fold: {string.Join(", ", predictions.FoldTrainers)}");
        }

        // String labels map to the class order training used, so the engine must decode them through the same list.
        var request = options with
        {
            Columns = options.Columns with { Classes = data.ClassNames ?? options.Columns.Classes },
            Training = new TrainingInfo(trainer.Name, data.Table.Columns.Select(c => c.Name).ToArray(), train.Folds, train.Seed),
        };
        return (request, new ProvidedProbabilities(predictions.Probabilities, predictions.ClassCount) { WriteColumns = train.WriteProbabilities });
    }

    private static MulticlassTrainer Trainer(string name) =>
        TrainOptionSet.TrainerError(name) is { } error ? throw new UsageException(error) : MulticlassTrainer.Parse(name);
}
