// README:begin
using SparkCleanlab.Core;
// README:pause

namespace SparkCleanlab.ML.Tests;

/// <summary>The README's confident learning example, verbatim between the markers; <see cref="ReadmeExampleTests"/> checks both agree.</summary>
internal static class ConfidentLearningReadmeExample
{
    public static void Run()
    {
        // README:resume
        // Given labels and out-of-fold predicted probabilities (n x K, row-major) of 8 rows and 3 classes:
        // what cleanlab's find_label_issues(labels, pred_probs) takes.
        int[] labels = [0, 0, 0, 1, 1, 1, 2, 2];
        double[] predProbs =
        [
            0.90, 0.05, 0.05,
            0.80, 0.10, 0.10,
            0.05, 0.05, 0.90, // labelled 0, looks like 2
            0.10, 0.85, 0.05,
            0.05, 0.90, 0.05,
            0.20, 0.70, 0.10,
            0.05, 0.05, 0.90,
            0.10, 0.10, 0.80,
        ];

        LabelIssueReport report = ConfidentLearning.FindLabelIssues(labels, predProbs, classCount: 3);

        // Worst first, as find_label_issues(..., return_indices_ranked_by="self_confidence") returns them.
        foreach (int row in report.RankedIssues)
        {
            Console.WriteLine($"row {row}: given {labels[row]}, suggested {report.SuggestedLabel[row]}, label quality {report.LabelQuality[row]:F2}");
        }
        // README:end
    }
}
