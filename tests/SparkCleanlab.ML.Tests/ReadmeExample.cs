// README:begin
using SparkCleanlab.ML.CleanLearning;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Trainers;
// README:pause

namespace SparkCleanlab.ML.Tests;

/// <summary>The README's example, verbatim between the markers; <see cref="ReadmeExampleTests"/> checks both agree.</summary>
internal static class ReadmeExample
{
    public static void Run()
    {
        // README:resume
        // 100 rows x 10 features; the true label is 1 when the first two features sum above 0.
        var random = new Random(0);
        var features = new float[100][];
        var trueLabels = new int[100];
        for (int i = 0; i < 100; i++)
        {
            features[i] = Enumerable.Range(0, 10).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            trueLabels[i] = features[i][0] + features[i][1] > 0 ? 1 : 0;
        }

        // Flip 10% of the labels.
        int[] noisyLabels = (int[])trueLabels.Clone();
        foreach (int i in Enumerable.Range(0, 100).OrderBy(_ => random.Next()).Take(10))
        {
            noisyLabels[i] = 1 - noisyLabels[i];
        }

        // Wrap logistic regression (L-BFGS) so it learns despite the noisy labels.
        var table = FeatureTable.FromMatrix(features);
        CleanLearningModel model = new CleanLearner(MulticlassTrainer.LbfgsMaximumEntropy()).Fit(table, noisyLabels);

        int[] predicted = model.Predict(table);
        double accuracy = predicted.Where((label, i) => label == trueLabels[i]).Count() / 100.0;
        Console.WriteLine($"label issues found: {model.Findings!.RankedIssues.Length}");
        Console.WriteLine($"accuracy against the true labels: {accuracy:F2}");
        // README:end
    }
}
