using Microsoft.ML;

namespace SparkCleanlab.ML.Tests.Support;

/// <summary>A trainer that, like some ML.NET trainers on tiny classes, fails when a class has fewer than a minimum of rows.</summary>
internal sealed class MinimumRowsTrainer(IEstimator<ITransformer> inner, string labelColumn, int minimumRows) : IEstimator<ITransformer>
{
    public ITransformer Fit(IDataView input)
    {
        DataViewSchema.Column label = input.Schema[labelColumn];
        using DataViewRowCursor cursor = input.GetRowCursor([label]);
        ValueGetter<uint> getter = cursor.GetGetter<uint>(label);
        var counts = new Dictionary<uint, int>();
        uint key = 0;
        while (cursor.MoveNext())
        {
            getter(ref key);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        if (counts.Values.Min() < minimumRows)
        {
            throw new InvalidOperationException("Not enough examples in a class.");
        }

        return inner.Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
}
