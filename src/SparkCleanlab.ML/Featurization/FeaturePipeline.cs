using Microsoft.ML;
using Microsoft.ML.Transforms;
using SparkCleanlab.ML.Data;

namespace SparkCleanlab.ML.Featurization;

/// <summary>
/// Turns a table's columns into one float vector: numeric and vector columns are concatenated,
/// missing values replaced by the column mean and (for linear trainers) standardised;
/// categorical columns are one-hot encoded and text columns featurised into n-grams. Those two
/// are left unstandardised so their sparse vectors stay sparse.
/// </summary>
internal static class FeaturePipeline
{
    private const string Dense = FeatureColumn.ReservedPrefix + "dense";

    public static IEstimator<ITransformer> Build(MLContext ml, FeatureSchema schema, bool standardize)
    {
        var steps = new List<IEstimator<ITransformer>>();
        var dense = new List<string>();
        var sparse = new List<string>();
        for (int i = 0; i < schema.Columns.Count; i++)
        {
            FeatureSchemaColumn column = schema.Columns[i];
            switch (column.Kind)
            {
                case FeatureKind.Numeric or FeatureKind.Vector:
                    dense.Add(column.Name);
                    break;
                case FeatureKind.Categorical:
                    steps.Add(ml.Transforms.Categorical.OneHotEncoding(ColumnNames.Featurized(i), column.Name));
                    sparse.Add(ColumnNames.Featurized(i));
                    break;
                default:
                    steps.Add(ml.Transforms.Text.FeaturizeText(ColumnNames.Featurized(i), column.Name));
                    sparse.Add(ColumnNames.Featurized(i));
                    break;
            }
        }

        if (dense.Count > 0)
        {
            steps.Add(ml.Transforms.Concatenate(Dense, dense.ToArray()));
            steps.Add(ml.Transforms.ReplaceMissingValues(Dense, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
            if (standardize)
            {
                // fixZero: false subtracts the mean as sklearn's StandardScaler does; with the default
                // (true) ML.NET only rescales, which leaves offsets the L2 penalty then fights.
                steps.Add(ml.Transforms.NormalizeMeanVariance(Dense, fixZero: false));
            }

            sparse.Insert(0, Dense);
        }

        steps.Add(ml.Transforms.Concatenate(ColumnNames.Features, sparse.ToArray()));
        IEstimator<ITransformer> pipeline = steps[0];
        foreach (IEstimator<ITransformer> step in steps.Skip(1))
        {
            pipeline = pipeline.Append(step);
        }

        return pipeline;
    }
}
