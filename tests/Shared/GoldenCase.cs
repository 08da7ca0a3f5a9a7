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

    public static GoldenCase Load(string name)
    {
        var folder = Path.Combine(Root, name);
        var lines = File.ReadAllLines(Path.Combine(folder, "data.csv"));
        var header = lines[0].Split(',');
        var k = header.Count(h => h.StartsWith('p'));
        var hasTrue = header.Contains("true_label");
        var labels = new int[lines.Length - 1];
        var probabilities = new double[labels.Length * k];
        var trueLabels = hasTrue ? new int[labels.Length] : null;
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            labels[i - 1] = int.Parse(cells[0], CultureInfo.InvariantCulture);
            for (var j = 0; j < k; j++)
            {
                probabilities[((i - 1) * k) + j] = double.Parse(cells[1 + j], CultureInfo.InvariantCulture);
            }

            if (trueLabels is not null)
            {
                trueLabels[i - 1] = int.Parse(cells[1 + k], CultureInfo.InvariantCulture);
            }
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        return new GoldenCase(name, folder, labels, probabilities, k, trueLabels, json.RootElement.Clone());
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
