using Microsoft.ML;
using Microsoft.ML.Trainers;
using System.Diagnostics;
using System.Globalization;
using SparkCleanlab.ML.Bench;
using SparkCleanlab.ML.CleanLearning;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Trainers;

// Accuracy of CleanLearning versus the same trainer on the noisy labels, on a held-out split
// scored against the true labels, and precision/recall of the issues found in the training split.
// usage: SparkCleanlab.ML.Bench <golden folder> [--trainer lbfgs] [--seed 0] [--test 0.3] [--l2 1] [--raw]
// --raw: L-BFGS on the features as they are, the reference's own setup (sklearn LogisticRegression, C = 1, no scaling).
string golden = args.Length > 0 ? args[0] : "tests/data/golden";
string trainerName = Option("--trainer", "lbfgs");
int seed = int.Parse(Option("--seed", "0"), CultureInfo.InvariantCulture);
double testFraction = double.Parse(Option("--test", "0.3"), CultureInfo.InvariantCulture);
float l2 = float.Parse(Option("--l2", "1"), CultureInfo.InvariantCulture);
bool raw = args.Contains("--raw");
MulticlassTrainer trainer = trainerName != "lbfgs" ? MulticlassTrainer.Parse(trainerName)
    : raw ? MulticlassTrainer.Custom("lbfgs-raw", standardizeFeatures: false, (ml, c) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
        new LbfgsMaximumEntropyMulticlassTrainer.Options { LabelColumnName = c.Label, FeatureColumnName = c.Features, ExampleWeightColumnName = c.Weight, L2Regularization = l2, NumberOfThreads = 1 }))
    : MulticlassTrainer.LbfgsMaximumEntropy(l2);
var learner = new CleanLearner(trainer, new CleanLearningOptions { OutOfFold = new OutOfFoldOptions { Seed = seed } });

Console.WriteLine($"trainer {trainer.Name}, seed {seed}, test fraction {testFraction}");
Console.WriteLine("| case | n | K | noise | accuracy, noisy labels | accuracy, CleanLearning | change | issues flagged | precision | recall | seconds |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (string folder in Directory.GetDirectories(golden, "real_*").Order())
{
    var data = GoldenCase.Load(folder);
    bool[] test = data.StratifiedTestRows(testFraction, seed);
    GoldenCase train = data.Subset(test.Select(t => !t).ToArray());
    GoldenCase held = data.Subset(test);
    FeatureTable trainTable = FeatureTable.FromMatrix(train.Features);
    FeatureTable testTable = FeatureTable.FromMatrix(held.Features);

    var clock = Stopwatch.StartNew();
    double noisy = learner.FitWithoutCleaning(trainTable, train.Labels, data.ClassCount).Score(testTable, held.TrueLabels);
    CleanLearningModel model = learner.Fit(trainTable, train.Labels, data.ClassCount);
    double clean = model.Score(testTable, held.TrueLabels);
    clock.Stop();

    int[] flagged = model.Findings!.RankedIssues;
    int truePositives = flagged.Count(row => train.Labels[row] != train.TrueLabels[row]);
    int errors = train.Labels.Where((label, i) => label != train.TrueLabels[i]).Count();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {data.Name} | {data.Labels.Length} | {data.ClassCount} | {data.NoiseRate:P1} | {noisy:F3} | {clean:F3} | {clean - noisy:+0.000;-0.000} | {flagged.Length} | {(double)truePositives / Math.Max(1, flagged.Length):F3} | {(double)truePositives / Math.Max(1, errors):F3} | {clock.Elapsed.TotalSeconds:F1} |"));
}

string Option(string name, string fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}
