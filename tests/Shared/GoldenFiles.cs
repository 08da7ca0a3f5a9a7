using System.Globalization;
using System.Text.Json;

namespace SparkCleanlab.Tests.Shared;

/// <summary>The files every reference parity case shares: a folder per case with <c>data.csv</c> and <c>expected.json</c>.</summary>
public static class GoldenFiles
{
    /// <summary>The names of the cases below <paramref name="root"/>: a new folder is a new case.</summary>
    public static IReadOnlyList<string> Names(string root) =>
        Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(n => File.Exists(Path.Combine(root, n, "expected.json"))).Order(StringComparer.Ordinal).ToList();

    /// <summary>The case names as xunit theory data.</summary>
    public static TheoryData<string> Theory(string root)
    {
        var data = new TheoryData<string>();
        foreach (var name in Names(root))
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The cells of <c>data.csv</c> after its header, and the number of probability columns (<c>p0</c>, <c>p1</c>, ...).</summary>
    public static (string[] Header, string[][] Rows, int ClassCount) ReadCsv(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "data.csv"));
        var header = lines[0].Split(',');
        return (header, lines.Skip(1).Select(l => l.Split(',')).ToArray(), header.Count(h => h.StartsWith('p')));
    }

    /// <summary>Row-major n x K probabilities from the cells after each row's first column.</summary>
    public static double[] Probabilities(string[][] rows, int classCount)
    {
        var probabilities = new double[rows.Length * classCount];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < classCount; j++)
            {
                probabilities[(i * classCount) + j] = double.Parse(rows[i][1 + j], CultureInfo.InvariantCulture);
            }
        }

        return probabilities;
    }

    /// <summary>The reference's figures for the case.</summary>
    public static JsonElement ReadExpected(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        return json.RootElement.Clone();
    }
}
