using System.Globalization;

namespace SparkCleanlab.Tests.Shared;

/// <summary>A golden case's <c>features.csv</c> (<c>f0..f{D-1},label,true_label</c>).</summary>
public sealed record GoldenFeatures(float[][] Features, int[] Labels, int[] TrueLabels)
{
    /// <summary>Number of classes.</summary>
    public int ClassCount => Labels.Max() + 1;

    /// <summary>The features of the named golden case.</summary>
    public static GoldenFeatures Load(string caseName) => LoadFolder(Path.Combine(RepositoryPaths.GoldenFolder, caseName));

    /// <summary>The features of the case in <paramref name="folder"/>.</summary>
    public static GoldenFeatures LoadFolder(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "features.csv"));
        var dimensions = lines[0].Split(',').Length - 2;
        var features = new float[lines.Length - 1][];
        var labels = new int[lines.Length - 1];
        var trueLabels = new int[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            features[i - 1] = cells.Take(dimensions).Select(c => float.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            labels[i - 1] = int.Parse(cells[dimensions], CultureInfo.InvariantCulture);
            trueLabels[i - 1] = int.Parse(cells[dimensions + 1], CultureInfo.InvariantCulture);
        }

        return new GoldenFeatures(features, labels, trueLabels);
    }
}
