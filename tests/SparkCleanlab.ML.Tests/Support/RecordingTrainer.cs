using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Tests.Support;

/// <summary>
/// Wraps L-BFGS and records, per fitted model, the row ids (numeric column "id") it trained on
/// and the row ids it was later asked to predict, so tests can check who predicted whom.
/// </summary>
internal sealed class RecordingTrainer
{
    public ConcurrentBag<(HashSet<int> Trained, List<int> Predicted)> Models { get; } = [];

    public MulticlassTrainer Trainer => MulticlassTrainer.Custom("recording", true, (ml, columns) =>
        new Estimator(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(columns.Label, columns.Features), this));

    private static List<int> Ids(IDataView data)
    {
        DataViewSchema.Column id = data.Schema["id"];
        using DataViewRowCursor cursor = data.GetRowCursor([id]);
        ValueGetter<float> getter = cursor.GetGetter<float>(id);
        var ids = new List<int>();
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            ids.Add((int)value);
        }

        return ids;
    }

    private sealed class Estimator(IEstimator<ITransformer> inner, RecordingTrainer owner) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            var record = (Trained: Ids(input).ToHashSet(), Predicted: new List<int>());
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
