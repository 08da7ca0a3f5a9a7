using System.Globalization;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Tests.Support;

/// <summary>A golden case's data.csv (label, p0..pK-1), and its conversion to Parquet.</summary>
public sealed record GoldenCase(string Name, int ClassCount, int[] Labels, double[] Probabilities)
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "golden");

    public static IEnumerable<object[]> Names() =>
        Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => new object[] { n! });

    public static GoldenCase Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, name, "data.csv"));
        var header = lines[0].Split(',');
        var k = header.Count(h => h.StartsWith('p'));
        var labels = new int[lines.Length - 1];
        var probabilities = new double[labels.Length * k];
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            labels[i - 1] = int.Parse(cells[0], CultureInfo.InvariantCulture);
            for (var j = 0; j < k; j++)
            {
                probabilities[((i - 1) * k) + j] = double.Parse(cells[1 + j], CultureInfo.InvariantCulture);
            }
        }

        return new GoldenCase(name, k, labels, probabilities);
    }

    /// <summary>Writes the rows with an id column (the row index) and returns the folder.</summary>
    public async Task<string> WriteAsync(string folder, ProbabilityLayout layout, int files, int rowGroups)
    {
        var data = new SyntheticDataset(ClassCount, Probabilities) { Labels = Labels, Ids = Enumerable.Range(0, Labels.Length).Select(i => (long)i).ToArray() };
        await SyntheticDatasetWriter.WriteAsync(folder, data, new SyntheticLayout { Layout = layout, Files = files, RowGroupsPerFile = rowGroups });
        return folder;
    }
}
