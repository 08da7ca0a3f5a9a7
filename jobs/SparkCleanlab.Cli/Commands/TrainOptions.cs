using SparkCleanlab.ML.Parquet;

namespace SparkCleanlab.Cli.Commands;

/// <summary>What <c>train</c> reads, how it trains, and where the model goes.</summary>
internal sealed record TrainOptions
{
    /// <summary>The Parquet input: a file, a folder of part files, or a glob.</summary>
    public string Input { get; init; } = "";

    /// <summary>The model folder (model.zip, classes.json, issues.json, _SUCCESS).</summary>
    public string Output { get; init; } = "";

    /// <summary>The ML.NET trainer's command-line name.</summary>
    public string Trainer { get; init; } = "lbfgs";

    /// <summary>Stratified folds of the out-of-fold step.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the folds and every model: the same seed gives the same model.</summary>
    public int Seed { get; init; }

    /// <summary>Which columns are the label and the features.</summary>
    public FeatureReadOptions Columns { get; init; } = new();

    /// <summary>Replace an existing model folder.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Show training progress on stderr when it is a terminal.</summary>
    public bool Progress { get; init; } = true;
}
