using System.Globalization;
using System.Text.Json;

namespace SparkCleanlab.Tests.Shared;

/// <summary>One parity case produced by the reference implementation (tests/data/golden/NAME).</summary>
public sealed class GoldenCase
{
    private GoldenCase(string name, string folder, int[] labels, double[] probabilities, int classCount, int[]? trueLabels, JsonElement expected)
    {
        Name = name;
        Folder = folder;
        Labels = labels;
        Probabilities = probabilities;
        ClassCount = classCount;
        TrueLabels = trueLabels;
        Expected = expected;
    }

    public string Name { get; }

    public string Folder { get; }

    public int[] Labels { get; }

    public double[] Probabilities { get; }

    public int ClassCount { get; }

    public int[]? TrueLabels { get; }

    public JsonElement Expected { get; }

    public int RowCount => Labels.Length;

    /// <summary>The probabilities of row <paramref name="i"/>.</summary>
    public ReadOnlySpan<double> Row(int i) => Probabilities.AsSpan(i * ClassCount, ClassCount);

    public static string Root => RepositoryPaths.GoldenFolder;

    /// <summary>The names of all golden cases: a new folder is a new case.</summary>
    public static IReadOnlyList<string> Names() => GoldenFiles.Names(Root);

    public static TheoryData<string> All() => GoldenFiles.Theory(Root);

    public static GoldenCase Load(string name)
    {
        var folder = Path.Combine(Root, name);
        var (header, rows, k) = GoldenFiles.ReadCsv(folder);
        var labels = rows.Select(cells => int.Parse(cells[0], CultureInfo.InvariantCulture)).ToArray();
        var probabilities = GoldenFiles.Probabilities(rows, k);
        var trueLabels = header.Contains("true_label") ? rows.Select(cells => int.Parse(cells[1 + k], CultureInfo.InvariantCulture)).ToArray() : null;
        return new GoldenCase(name, folder, labels, probabilities, k, trueLabels, GoldenFiles.ReadExpected(folder));
    }

    /// <summary>The case whose tied rows may be chosen differently from the reference: only counts per class must match.</summary>
    public bool HasTies => Name.StartsWith("ties", StringComparison.Ordinal);

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static long[] Longs(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    public static double[,] Matrix(JsonElement e)
    {
        var rows = e.EnumerateArray().Select(Doubles).ToArray();
        var m = new double[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                m[i, j] = rows[i][j];
            }
        }

        return m;
    }
}
