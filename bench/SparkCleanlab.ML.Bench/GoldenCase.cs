using System.Globalization;

namespace SparkCleanlab.ML.Bench;

/// <summary>A golden case's features.csv: features, noisy labels and true labels.</summary>
internal sealed record GoldenCase(string Name, float[][] Features, int[] Labels, int[] TrueLabels)
{
    public int ClassCount => Labels.Max() + 1;

    public double NoiseRate => Labels.Where((label, i) => label != TrueLabels[i]).Count() / (double)Labels.Length;

    public static GoldenCase Load(string folder)
    {
        string[] lines = File.ReadAllLines(Path.Combine(folder, "features.csv"));
        int dimensions = lines[0].Split(',').Length - 2;
        var features = new float[lines.Length - 1][];
        var labels = new int[lines.Length - 1];
        var trueLabels = new int[lines.Length - 1];
        for (int i = 1; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',');
            features[i - 1] = cells.Take(dimensions).Select(c => float.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            labels[i - 1] = int.Parse(cells[dimensions], CultureInfo.InvariantCulture);
            trueLabels[i - 1] = int.Parse(cells[dimensions + 1], CultureInfo.InvariantCulture);
        }

        return new GoldenCase(Path.GetFileName(folder), features, labels, trueLabels);
    }

    /// <summary>Rows of the held-out test split: per given label, a seeded shuffle and the first <paramref name="fraction"/>.</summary>
    public bool[] StratifiedTestRows(double fraction, int seed)
    {
        var random = new Random(seed);
        var test = new bool[Labels.Length];
        foreach (int[] rows in Enumerable.Range(0, Labels.Length).GroupBy(i => Labels[i]).OrderBy(g => g.Key).Select(g => g.ToArray()))
        {
            random.Shuffle(rows);
            foreach (int row in rows.Take((int)Math.Round(fraction * rows.Length)))
            {
                test[row] = true;
            }
        }

        return test;
    }

    public GoldenCase Subset(bool[] take) => new(
        Name,
        Features.Where((_, i) => take[i]).ToArray(),
        Labels.Where((_, i) => take[i]).ToArray(),
        TrueLabels.Where((_, i) => take[i]).ToArray());
}
