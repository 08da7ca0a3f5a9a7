using System.Globalization;
using SparkCleanlab.ML.Bench;
using SparkCleanlab.ML.Trainers;

// Accuracy of CleanLearning versus the same trainer on the noisy labels, on a held-out split
// scored against the true labels, and precision/recall of the issues found in the training split.
// usage: SparkCleanlab.ML.Bench [golden folder, default tests/data/golden] [options]
//   --trainer lbfgs|lbfgs-cv|sdca|lightgbm|fasttree-ova  the trainer (default lbfgs: L-BFGS on standardised features)
//   --raw          L-BFGS on the features as they are, the reference's own setup (sklearn LogisticRegression, C = 1, no scaling)
//   --l2 1         L2 penalty of lbfgs and --raw
//   --max-iterations N  stop L-BFGS after N iterations, converged or not (sklearn's default is 100)
//   --test 0.3     fraction of each class held out for scoring
//   --seed 0       seed of the split, the folds, the models and the drawn noise
//   --seeds 0..4   run every seed from 0 to 4 instead, then print each case's mean over them
//   --case NAME    only this case (e.g. real_wine); default every real_* case
//   --noise F      instead of the case's own noisy labels, draw new ones from true_label with a
//                  fraction F of the training split flipped (e.g. 0.35)
//   --uniform      with --noise: flip the fraction F of every class, evenly into the other classes,
//                  instead of a random noise matrix with trace K (1 - F)
//   --export DIR   also write each run's split and training labels to DIR/<case>_seed<N>.csv, for
//                  bench/reference/clean_learning.py to run the reference on the same rows
string golden = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "tests/data/golden";
string trainerName = Option("--trainer", "lbfgs");
double testFraction = double.Parse(Option("--test", "0.3"), CultureInfo.InvariantCulture);
float l2 = float.Parse(Option("--l2", "1"), CultureInfo.InvariantCulture);
bool raw = args.Contains("--raw");
bool uniformNoise = args.Contains("--uniform");
int maxIterations = int.Parse(Option("--max-iterations", int.MaxValue.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
string caseName = Option("--case", "real_*");
double? noise = Option("--noise", "") is { Length: > 0 } f ? double.Parse(f, CultureInfo.InvariantCulture) : null;
int[] seeds = Seeds(Option("--seeds", Option("--seed", "0")));
MulticlassTrainer trainer = trainerName != "lbfgs" ? MulticlassTrainer.Parse(trainerName)
    : MulticlassTrainer.LbfgsMaximumEntropy(l2, standardizeFeatures: !raw, maximumIterations: maxIterations);
SplitExport? export = Option("--export", "") is { Length: > 0 } exportFolder ? new SplitExport(exportFolder) : null;
var bench = new CaseBench(trainer, testFraction, noise, uniformNoise, export);

string[] folders = Directory.GetDirectories(golden, caseName).Order().ToArray();
if (folders.Length == 0)
{
    Console.Error.WriteLine($"No case '{caseName}' in {golden}.");
    return 1;
}

Console.WriteLine($"trainer {trainer.Name}, seeds {string.Join(',', seeds)}, test fraction {testFraction}, labels: {(noise is { } n ? $"drawn at {n:P0} {(uniformNoise ? "uniform " : "")}noise" : "the case's own")}");
Console.WriteLine(ResultTable.Header);
var results = new List<CaseResult>();
foreach (string folder in folders)
{
    var data = GoldenCase.Load(folder);
    foreach (int seed in seeds)
    {
        results.Add(bench.Run(data, seed));
        Console.WriteLine(ResultTable.Row(results[^1]));
    }
}

if (seeds.Length > 1)
{
    Console.WriteLine();
    Console.WriteLine(ResultTable.MeanHeader);
    foreach (var byCase in results.GroupBy(r => r.Case))
    {
        Console.WriteLine(ResultTable.MeanRow(byCase.ToList()));
    }
}

return 0;

string Option(string name, string fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

// "3" is one seed, "0..4" every seed from 0 to 4.
static int[] Seeds(string text)
{
    string[] ends = text.Split("..");
    int first = int.Parse(ends[0], CultureInfo.InvariantCulture);
    int last = int.Parse(ends[^1], CultureInfo.InvariantCulture);
    return Enumerable.Range(first, last - first + 1).ToArray();
}
