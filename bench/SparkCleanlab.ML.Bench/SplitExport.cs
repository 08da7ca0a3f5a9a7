using System.Globalization;
using SparkCleanlab.ML.CleanLearning;

namespace SparkCleanlab.ML.Bench;

/// <summary>
/// Writes the split, the labels and the out-of-fold results of one bench run, so the reference
/// (cleanlab with sklearn, bench/reference) can be run on exactly the same rows and noisy labels,
/// and, given the same out-of-fold probabilities, checked to flag the same rows. One file per case
/// and seed: row (index into features.csv), split (train or test), label (the label trained on; a
/// test row's is its true label), true_label, then for training rows issue (1 if CleanLearning
/// flagged it) and p0..p(K-1), its out-of-fold probabilities.
/// </summary>
/// <param name="folder">The folder to write into; created if missing.</param>
internal sealed class SplitExport(string folder)
{
    /// <summary>Writes <c>&lt;case&gt;_seed&lt;N&gt;.csv</c>; <paramref name="test"/> and <paramref name="trueLabels"/> index the case's rows, the rest its training rows.</summary>
    public void Write(string caseName, int seed, bool[] test, int[] trainLabels, int[] trueLabels, LabelIssueFindings findings)
    {
        Directory.CreateDirectory(folder);
        int classCount = findings.OutOfFold.ClassCount;
        string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{caseName}_seed{seed}.csv"));
        using var writer = new StreamWriter(path);
        writer.WriteLine("row,split,label,true_label,issue," + string.Join(',', Enumerable.Range(0, classCount).Select(k => $"p{k}")));
        int trainRow = 0;
        for (int row = 0; row < test.Length; row++)
        {
            if (test[row])
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row},test,{trueLabels[row]},{trueLabels[row]},{new string(',', classCount)}"));
                continue;
            }

            string probabilities = string.Join(',', findings.OutOfFold.Row(trainRow).ToArray().Select(p => p.ToString("R", CultureInfo.InvariantCulture)));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row},train,{trainLabels[trainRow]},{trueLabels[row]},{(findings.IsLabelIssue[trainRow] ? 1 : 0)},{probabilities}"));
            trainRow++;
        }
    }
}
