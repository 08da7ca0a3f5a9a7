using System.Globalization;

namespace SparkCleanlab.ML.Bench;

/// <summary>
/// Writes the split and the labels one bench run trained on, so the reference (cleanlab with
/// sklearn, bench/reference) can be run on exactly the same rows and the same noisy labels.
/// One file per case and seed: row (index into features.csv), split (train or test), label (the
/// label trained on; a test row's is its true label) and true_label.
/// </summary>
/// <param name="folder">The folder to write into; created if missing.</param>
internal sealed class SplitExport(string folder)
{
    public void Write(string caseName, int seed, bool[] test, int[] trainLabels, int[] trueLabels)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{caseName}_seed{seed}.csv"));
        using var writer = new StreamWriter(path);
        writer.WriteLine("row,split,label,true_label");
        int trainRow = 0;
        for (int row = 0; row < test.Length; row++)
        {
            int label = test[row] ? trueLabels[row] : trainLabels[trainRow++];
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row},{(test[row] ? "test" : "train")},{label},{trueLabels[row]}"));
        }
    }
}
