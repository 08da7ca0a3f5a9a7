using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Tests.Support;

/// <summary>
/// Wraps L-BFGS and records, per fitted model, the row ids (numeric column "id") it trained on,
/// their example weights (empty when unweighted) and the row ids it was later asked to predict,
/// so tests can check who predicted whom and how the final fit weighed its rows.
/// </summary>
internal sealed class RecordingTrainer
{
    public ConcurrentBag<(HashSet<int> Trained, Dictionary<int, float> Weights, List<int> Predicted)> Models { get; } = [];

    public MulticlassTrainer Trainer => MulticlassTrainer.Custom("recording", true, (ml, columns) =>
        new Estimator(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(columns.Label, columns.Features, columns.Weight), this));

    private static List<int> Ids(IDataView data) => Column(data, "id").Select(id => (int)id).ToList();

    private static List<float> Column(IDataView data, string name)
    {
        DataViewSchema.Column column = data.Schema[name];
        using DataViewRowCursor cursor = data.GetRowCursor([column]);
        ValueGetter<float> getter = cursor.GetGetter<float>(column);
        var values = new List<float>();
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }

        return values;
    }

    private static Dictionary<int, float> Weights(IDataView data) => data.Schema.GetColumnOrNull("__weight") is null
        ? []
        : Ids(data).Zip(Column(data, "__weight")).ToDictionary(p => p.First, p => p.Second);

    private sealed class Estimator(IEstimator<ITransformer> inner, RecordingTrainer owner) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            var record = (Trained: Ids(input).ToHashSet(), Weights: Weights(input), Predicted: new List<int>());
            owner.Models.Add(record);
            return new Transformer(inner.Fit(input), record.Predicted);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
    }

    private sealed class Transformer(ITransformer inner, List<int> predicted) : ITransformer
    {
        public bool IsRowToRowMapper => inner.IsRowToRowMapper;

        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inner.GetOutputSchema(inputSchema);

        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => inner.GetRowToRowMapper(inputSchema);

        public void Save(ModelSaveContext ctx) => throw new NotSupportedException();

        public IDataView Transform(IDataView input)
        {
            // The estimator chain also transforms the training view (which has a label); only scoring views lack one.
            if (input.Schema.GetColumnOrNull("__label") is null)
            {
                lock (predicted)
                {
                    predicted.AddRange(Ids(input));
                }
            }

            return inner.Transform(input);
        }
    }
}
