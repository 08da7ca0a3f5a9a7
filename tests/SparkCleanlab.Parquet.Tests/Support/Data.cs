using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Parquet.Tests.Support;

/// <summary>Small deterministic data sets and helpers to read everything back.</summary>
internal static class Data
{
    public static SyntheticDataset Make(int rows, int k, int seed = 1)
    {
        var random = new Random(seed);
        var probabilities = new double[rows * k];
        var labels = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            double sum = 0;
            for (int c = 0; c < k; c++) sum += probabilities[r * k + c] = random.Next(1, 100);
            for (int c = 0; c < k; c++) probabilities[r * k + c] /= sum;
            labels[r] = random.Next(k);
        }
        return new SyntheticDataset(k, probabilities) { Labels = labels, Ids = Enumerable.Range(0, rows).Select(i => (long)i).ToArray() };
    }

    public static async Task<(int[] Labels, double[] Probabilities, List<RowProblem> Problems)> ReadAllAsync(InputDataset dataset, BatchContent content = BatchContent.AllColumns)
    {
        var labels = new List<int>();
        var probabilities = new List<double>();
        var problems = new List<RowProblem>();
        using PartitionReader reader = dataset.OpenReader(content);
        foreach (InputPartition partition in dataset.Partitions)
        {
            using InputBatch batch = await reader.ReadAsync(partition);
            Assert.True(content == BatchContent.AllColumns || batch.Columns.Count == 0, $"{batch.Columns.Count} columns carried");
            labels.AddRange(batch.Labels.ToArray());
            probabilities.AddRange(batch.Probabilities.ToArray());
            problems.AddRange(batch.Problems);
        }
        return (labels.ToArray(), probabilities.ToArray(), problems);
    }
}
