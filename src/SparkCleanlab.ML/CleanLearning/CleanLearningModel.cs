using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Training;

namespace SparkCleanlab.ML.CleanLearning;

/// <summary>A model trained by <see cref="CleanLearner"/> on the rows left after pruning label issues.</summary>
public sealed class CleanLearningModel
{
    /// <summary>The ML.NET model inside a saved model folder.</summary>
    public const string ModelFileName = "model.zip";

    /// <summary>The class info inside a saved model folder.</summary>
    public const string InfoFileName = "classes.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    internal CleanLearningModel(MLContext ml, ITransformer model, ModelInfo info, LabelIssueFindings? findings)
    {
        _ml = ml;
        _model = model;
        Info = info;
        Findings = findings;
    }

    /// <summary>Class count, trainer, expected columns, class names and weights.</summary>
    public ModelInfo Info { get; }

    /// <summary>The label issues found while fitting; null for a model loaded from disk.</summary>
    public LabelIssueFindings? Findings { get; }

    /// <summary>Class probabilities, row-major N x K, each row summing to 1.</summary>
    /// <param name="features">Rows with the columns the model was trained on.</param>
    public double[] PredictProbabilities(FeatureTable features)
    {
        ArgumentNullException.ThrowIfNull(features);
        new FeatureSchema(Info.Columns).EnsureCompatible(features);
        var probabilities = new double[features.RowCount * Info.ClassCount];
        ProbabilityReader.Read(_model, features, Enumerable.Range(0, features.RowCount).ToArray(), Info.ClassCount, probabilities);
        return probabilities;
    }

    /// <summary>The most probable class per row (the lower index on a tie).</summary>
    /// <param name="features">Rows with the columns the model was trained on.</param>
    public int[] Predict(FeatureTable features)
    {
        double[] probabilities = PredictProbabilities(features);
        var predicted = new int[features.RowCount];
        for (int row = 0; row < predicted.Length; row++)
        {
            ReadOnlySpan<double> p = probabilities.AsSpan(row * Info.ClassCount, Info.ClassCount);
            for (int k = 1; k < p.Length; k++)
            {
                predicted[row] = p[k] > p[predicted[row]] ? k : predicted[row];
            }
        }

        return predicted;
    }

    /// <summary>Accuracy: the fraction of rows whose predicted class equals <paramref name="labels"/>.</summary>
    /// <param name="features">Rows with the columns the model was trained on.</param>
    /// <param name="labels">The class index per row to compare with.</param>
    public double Score(FeatureTable features, ReadOnlySpan<int> labels)
    {
        int[] predicted = Predict(features);
        if (labels.Length != predicted.Length)
        {
            throw new ArgumentException($"There are {labels.Length} labels for {predicted.Length} rows.", nameof(labels));
        }

        int correct = 0;
        for (int row = 0; row < predicted.Length; row++)
        {
            correct += predicted[row] == labels[row] ? 1 : 0;
        }

        return predicted.Length == 0 ? 0 : (double)correct / predicted.Length;
    }

    /// <summary>Writes <see cref="ModelFileName"/> and <see cref="InfoFileName"/> into <paramref name="directory"/>, creating it.</summary>
    /// <param name="directory">The model folder.</param>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        _ml.Model.Save(_model, FeatureTableDataView.InputSchema(new FeatureSchema(Info.Columns)), Path.Combine(directory, ModelFileName));
        File.WriteAllText(Path.Combine(directory, InfoFileName), JsonSerializer.Serialize(Info, Json));
    }

    /// <summary>Reads a model folder written by <see cref="Save"/>.</summary>
    /// <param name="directory">The model folder.</param>
    public static CleanLearningModel Load(string directory)
    {
        ModelInfo info = JsonSerializer.Deserialize<ModelInfo>(File.ReadAllText(Path.Combine(directory, InfoFileName)), Json)
            ?? throw new InvalidDataException($"{Path.Combine(directory, InfoFileName)} is empty.");
        var ml = new MLContext();

        // Tree models load only if their assemblies are registered; a fresh process may not have loaded them yet.
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmMulticlassTrainer).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeBinaryTrainer).Assembly);
        ITransformer model = ml.Model.Load(Path.Combine(directory, ModelFileName), out _);
        return new CleanLearningModel(ml, model, info, null);
    }

}
