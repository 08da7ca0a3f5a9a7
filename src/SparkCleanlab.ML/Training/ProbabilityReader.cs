using Microsoft.ML;
using Microsoft.ML.Data;
using SparkCleanlab.ML.Data;

namespace SparkCleanlab.ML.Training;

/// <summary>Scores table rows with a fitted model and reads the K class probabilities per row.</summary>
internal static class ProbabilityReader
{
    /// <summary>
    /// Writes row r's probabilities to <paramref name="destination"/>[rows[r] * K ..], renormalised:
    /// one-versus-all and tree scores need not sum to 1, and a negative or NaN score is read as 0.
    /// </summary>
    public static void Read(ITransformer model, FeatureTable table, int[] rows, int classCount, double[] destination) =>
        ReadInto(model, table, rows, classCount, destination, rows);

    /// <summary>The probabilities of <paramref name="rows"/>[r] at [r * K ..] of a block just for these rows.</summary>
    public static double[] ReadCompact(ITransformer model, FeatureTable table, int[] rows, int classCount)
    {
        var destination = new double[rows.Length * classCount];
        ReadInto(model, table, rows, classCount, destination, slots: null);
        return destination;
    }

    // Row position r goes to slot slots[r] of destination, or slot r when slots is null.
    private static void ReadInto(ITransformer model, FeatureTable table, int[] rows, int classCount, double[] destination, int[]? slots)
    {
        IDataView scored = model.Transform(new FeatureTableDataView(table, new TrainingRows(rows, null, null, classCount)));
        DataViewSchema.Column score = scored.Schema[ColumnNames.Score];
        using DataViewRowCursor cursor = scored.GetRowCursor([score]);
        ValueGetter<VBuffer<float>> getter = cursor.GetGetter<VBuffer<float>>(score);
        VBuffer<float> buffer = default;
        int position = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            if (buffer.Length != classCount)
            {
                throw new InvalidOperationException(
                    $"The trainer produced {buffer.Length} scores per row, but there are {classCount} classes; a multiclass trainer must score every class.");
            }

            Span<double> row = destination.AsSpan((slots is null ? position : slots[position]) * classCount, classCount);
            int k = 0;
            foreach (float value in buffer.DenseValues())
            {
                row[k++] = value;
            }

            Normalize(row);
            position++;
        }
    }

    /// <summary>Clamps to non-negative and divides by the sum; an all-zero row becomes uniform.</summary>
    public static void Normalize(Span<double> row)
    {
        double sum = 0;
        for (int k = 0; k < row.Length; k++)
        {
            row[k] = double.IsNaN(row[k]) || row[k] < 0 ? 0 : row[k];
            sum += row[k];
        }

        if (sum <= 0 || double.IsInfinity(sum))
        {
            row.Fill(1.0 / row.Length);
            return;
        }

        for (int k = 0; k < row.Length; k++)
        {
            row[k] /= sum;
        }
    }
}
