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
    public static IReadOnlyList<string> Names() => GoldenFiles.Names(Root);

    public static TheoryData<string> All() => GoldenFiles.Theory(Root);

    /// <summary>A case made in a test, with no expected results.</summary>
    public static MultiLabelGoldenCase Create(string name, int[][] labels, double[] probabilities, int classCount) =>
        new(name, labels, probabilities, classCount, JsonDocument.Parse("{}").RootElement.Clone());

    /// <summary>Reads <c>labels,p0..p{K-1},true_labels</c>, where a row's labels are <c>;</c>-separated.</summary>
    public static MultiLabelGoldenCase Load(string name)
    {
        var folder = Path.Combine(Root, name);
        var (_, rows, k) = GoldenFiles.ReadCsv(folder);
        var labels = rows.Select(cells => cells[0].Length == 0 ? [] : cells[0].Split(';').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return new MultiLabelGoldenCase(name, labels, GoldenFiles.Probabilities(rows, k), k, GoldenFiles.ReadExpected(folder));
    }
}
