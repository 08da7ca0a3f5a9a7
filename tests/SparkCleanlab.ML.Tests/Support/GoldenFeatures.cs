using System.Globalization;

namespace SparkCleanlab.ML.Tests.Support;

/// <summary>Reads a golden case's <c>features.csv</c> (<c>f0..f{D-1},label,true_label</c>).</summary>
internal sealed record GoldenFeatures(float[][] Features, int[] Labels, int[] TrueLabels)
{
    public int ClassCount => Labels.Max() + 1;

    public static GoldenFeatures Load(string caseName)
    {
        string path = Path.Combine(RepositoryFiles.Root, "tests", "data", "golden", caseName, "features.csv");
        string[] lines = File.ReadAllLines(path);
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

        return new GoldenFeatures(features, labels, trueLabels);
    }
}
