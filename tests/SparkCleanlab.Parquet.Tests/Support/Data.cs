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

    // Each partition read on its own, as a one-off read does.
    public static async Task<(int[] Labels, double[] Probabilities, List<RowProblem> Problems)> ReadAllAsync(InputDataset dataset)
    {
        var read = new Read();
        foreach (InputPartition partition in dataset.Partitions)
        {
            using InputBatch batch = await dataset.ReadAsync(partition);
            read.Add(batch);
        }
        return read.Result;
    }

    // Every partition in order through one reader, as a worker reads them.
    public static async Task<(int[] Labels, double[] Probabilities, List<RowProblem> Problems)> ReadAllAsync(InputDataset dataset, BatchContent content)
    {
        var read = new Read();
        using PartitionReader reader = dataset.OpenReader(content);
        foreach (InputPartition partition in dataset.Partitions)
        {
            using InputBatch batch = await reader.ReadAsync(partition);
            Assert.True(content == BatchContent.AllColumns || batch.Columns.Count == 0, $"{batch.Columns.Count} columns carried");
            read.Add(batch);
        }
        return read.Result;
    }

    private sealed class Read
    {
        private readonly List<int> _labels = [];
        private readonly List<double> _probabilities = [];
        private readonly List<RowProblem> _problems = [];

        public (int[] Labels, double[] Probabilities, List<RowProblem> Problems) Result => (_labels.ToArray(), _probabilities.ToArray(), _problems);

        public void Add(InputBatch batch)
        {
            _labels.AddRange(batch.Labels.ToArray());
            _probabilities.AddRange(batch.Probabilities.ToArray());
            _problems.AddRange(batch.Problems);
        }
    }
}
