using System.Diagnostics;
using SparkCleanlab.ML.CleanLearning;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Bench;

/// <summary>
/// One case at one seed: a stratified held-out split, the trainer on the noisy training labels
/// versus CleanLearning with the same trainer, both scored on the held-out rows' true labels;
/// the trainer on the true training labels gives the ceiling either could reach.
/// </summary>
/// <param name="trainer">The trainer for both fits.</param>
/// <param name="testFraction">Fraction of each class held out.</param>
/// <param name="noise">Null uses the case's own noisy labels; a fraction draws new ones from the true labels of the training split.</param>
/// <param name="uniformNoise">Drawn noise flips the same fraction of every class evenly into the others, instead of a random noise matrix.</param>
/// <param name="export">Where to write each run's split and labels, or null.</param>
internal sealed class CaseBench(MulticlassTrainer trainer, double testFraction, double? noise, bool uniformNoise, SplitExport? export)
{
    public CaseResult Run(GoldenCase data, int seed)
    {
        // Drawn noise only touches the training split (the test split is scored against the truth
        // anyway), so the split is stratified by the true label and the training split gets exactly
        // the requested flips.
        GoldenCase source = noise is null ? data : data with { Labels = data.TrueLabels };
        bool[] test = source.StratifiedTestRows(testFraction, seed);
        GoldenCase train = source.Subset(test.Select(t => !t).ToArray());
        GoldenCase held = source.Subset(test);
        if (noise is { } fraction)
        {
            train = train with { Labels = InjectedNoise.Draw(train.TrueLabels, data.ClassCount, fraction, seed, uniformNoise) };
        }

        FeatureTable trainTable = FeatureTable.FromMatrix(train.Features);
        FeatureTable testTable = FeatureTable.FromMatrix(held.Features);
        var learner = new CleanLearner(trainer, new CleanLearningOptions { OutOfFold = new OutOfFoldOptions { Seed = seed } });

        var clock = Stopwatch.StartNew();
        double noisy = learner.FitWithoutCleaning(trainTable, train.Labels, data.ClassCount).Score(testTable, held.TrueLabels);
        CleanLearningModel model = learner.Fit(trainTable, train.Labels, data.ClassCount);
        double clean = model.Score(testTable, held.TrueLabels);
        clock.Stop();
        export?.Write(data.Name, seed, test, train.Labels, data.TrueLabels, model.Findings!);
        double ceiling = learner.FitWithoutCleaning(trainTable, train.TrueLabels, data.ClassCount).Score(testTable, held.TrueLabels);

        int[] flagged = model.Findings!.RankedIssues;
        int truePositives = flagged.Count(row => train.Labels[row] != train.TrueLabels[row]);
        int errors = train.Labels.Where((label, i) => label != train.TrueLabels[i]).Count();
        return new CaseResult(
            data.Name, seed, data.Labels.Length, data.ClassCount, train.NoiseRate, noisy, clean, ceiling, flagged.Length,
            (double)truePositives / Math.Max(1, flagged.Length), (double)truePositives / Math.Max(1, errors), clock.Elapsed.TotalSeconds);
    }
}
