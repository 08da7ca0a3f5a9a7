using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Local.Tests.Support;

/// <summary>A golden case written as Parquet, so the engine reads what the Core computes on.</summary>
public static class GoldenParquet
{
    /// <summary>Writes the rows with an id column (the row index) and returns the folder.</summary>
    public static async Task<string> WriteAsync(this GoldenCase golden, string folder, ProbabilityLayout layout, int files, int rowGroups)
    {
        var data = new SyntheticDataset(golden.ClassCount, golden.Probabilities) { Labels = golden.Labels, Ids = Enumerable.Range(0, golden.Labels.Length).Select(i => (long)i).ToArray() };
        await SyntheticDatasetWriter.WriteAsync(folder, data, new SyntheticLayout { Layout = layout, Files = files, RowGroupsPerFile = rowGroups });
        return folder;
    }
}
