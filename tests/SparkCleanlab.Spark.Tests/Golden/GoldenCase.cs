using System.Globalization;
using System.Text.Json;

namespace SparkCleanlab.Spark.Tests.Golden;

/// <summary>One golden parity case: the rows of data.csv and the reference's expected.json.</summary>
public sealed class GoldenCase
{
    private GoldenCase(string name, int classCount, int[] labels, double[] probabilities, JsonElement expected)
    {
        Name = name;
        ClassCount = classCount;
        Labels = labels;
        Probabilities = probabilities;
        Expected = expected;
    }

    public string Name { get; }

    public int ClassCount { get; }

    public int[] Labels { get; }

    /// <summary>Row-major, <c>Labels.Length * ClassCount</c> values.</summary>
    public double[] Probabilities { get; }

    public JsonElement Expected { get; }

    public int RowCount => Labels.Length;

    /// <summary>The names of all golden cases: a new folder is a new case.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.GetDirectories(RepositoryLayout.GoldenFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static GoldenCase Load(string name)
    {
        var folder = Path.Combine(RepositoryLayout.GoldenFolder, name);
        var lines = File.ReadAllLines(Path.Combine(folder, "data.csv"));
        var header = lines[0].Split(',');
        var k = header.Count(h => h.StartsWith('p'));
        var labels = new int[lines.Length - 1];
        var probabilities = new double[labels.Length * k];
        for (var i = 0; i < labels.Length; i++)
        {
            var fields = lines[i + 1].Split(',');
            labels[i] = int.Parse(fields[0], CultureInfo.InvariantCulture);
            for (var j = 0; j < k; j++)
            {
                probabilities[(i * k) + j] = double.Parse(fields[1 + j], CultureInfo.InvariantCulture);
            }
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        return new GoldenCase(name, k, labels, probabilities, json.RootElement.Clone());
    }

    public ReadOnlySpan<double> Row(int i) => Probabilities.AsSpan(i * ClassCount, ClassCount);
}
