using System.Globalization;
using System.Text.Json;

namespace SparkCleanlab.Tests.Shared;

/// <summary>One multi-label parity case produced by the reference implementation (tests/data/golden-multilabel/NAME).</summary>
public sealed class MultiLabelGoldenCase
{
    private MultiLabelGoldenCase(string name, int[][] labels, double[] probabilities, int classCount, JsonElement expected)
    {
        Name = name;
        Labels = labels;
        Probabilities = probabilities;
        ClassCount = classCount;
        Expected = expected;
    }

    public string Name { get; }

    /// <summary>Per row, the given classes.</summary>
    public int[][] Labels { get; }

    /// <summary>Row-major n x K.</summary>
    public double[] Probabilities { get; }

    public int ClassCount { get; }

    public JsonElement Expected { get; }

    public int RowCount => Labels.Length;

    public static string Root => RepositoryPaths.GoldenMultiLabelFolder;

    /// <summary>The names of all multi-label golden cases: a new folder is a new case.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>()
            .Where(n => File.Exists(Path.Combine(Root, n, "expected.json"))).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names())
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>A case made in a test, with no expected results.</summary>
    public static MultiLabelGoldenCase Create(string name, int[][] labels, double[] probabilities, int classCount) =>
        new(name, labels, probabilities, classCount, JsonDocument.Parse("{}").RootElement.Clone());

    /// <summary>Reads <c>labels,p0..p{K-1},true_labels</c>, where a row's labels are <c>;</c>-separated.</summary>
    public static MultiLabelGoldenCase Load(string name)
    {
        var folder = Path.Combine(Root, name);
        var lines = File.ReadAllLines(Path.Combine(folder, "data.csv"));
        var header = lines[0].Split(',');
        var k = header.Count(h => h.StartsWith('p'));
        var labels = new int[lines.Length - 1][];
        var probabilities = new double[labels.Length * k];
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            labels[i - 1] = cells[0].Length == 0 ? [] : cells[0].Split(';').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            for (var j = 0; j < k; j++)
            {
                probabilities[((i - 1) * k) + j] = double.Parse(cells[1 + j], CultureInfo.InvariantCulture);
            }
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        return new MultiLabelGoldenCase(name, labels, probabilities, k, json.RootElement.Clone());
    }
}
