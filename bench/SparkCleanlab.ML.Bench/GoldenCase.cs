using SparkCleanlab.Tests.Shared;

namespace SparkCleanlab.ML.Bench;

/// <summary>A golden case's features.csv: features, noisy labels and true labels.</summary>
internal sealed record GoldenCase(string Name, float[][] Features, int[] Labels, int[] TrueLabels)
{
    public int ClassCount => Labels.Max() + 1;

    public double NoiseRate => Labels.Where((label, i) => label != TrueLabels[i]).Count() / (double)Labels.Length;

    public static GoldenCase Load(string folder)
    {
        var features = GoldenFeatures.LoadFolder(folder);
        return new GoldenCase(Path.GetFileName(folder), features.Features, features.Labels, features.TrueLabels);
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
