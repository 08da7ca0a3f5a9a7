using Parquet;
using Parquet.Schema;

namespace SparkCleanlab.Cli.Tests;

/// <summary>
/// A small Parquet training file: 5 numeric features whose first three decide the true class (of 3), an id,
/// and the given labels with every tenth label flipped to the next class.
/// </summary>
internal static class TrainFeatureFile
{
    public const int Rows = 300;

    public static async Task<int[]> WriteAsync(string path)
    {
        var random = new Random(7);
        var features = Enumerable.Range(0, 5).Select(_ => new double[Rows]).ToArray();
        var labels = new int[Rows];
        var flipped = new List<int>();
        for (int row = 0; row < Rows; row++)
        {
            int truth = row % 3;
            foreach (double[] column in features) column[row] = random.NextDouble() * 2 - 1;
            features[truth][row] += 3;
            labels[row] = row % 10 == 0 ? (truth + 1) % 3 : truth;
            if (row % 10 == 0) flipped.Add(row);
        }

        var fields = new List<DataField> { new DataField<int>("label"), new DataField<long>("id") };
        fields.AddRange(Enumerable.Range(0, 5).Select(f => new DataField<double>($"f{f}")));
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray<Field>()), stream);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], (ReadOnlyMemory<int>)labels);
        await group.WriteAsync(fields[1], (ReadOnlyMemory<long>)Enumerable.Range(0, Rows).Select(i => (long)i).ToArray());
        for (int f = 0; f < 5; f++)
        {
            await group.WriteAsync(fields[f + 2], (ReadOnlyMemory<double>)features[f]);
        }

        return flipped.ToArray();
    }
}
