using System.Globalization;
using SparkCleanlab.Core;
using SparkCleanlab.Plan.Reporting;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Plan.Tests.Browser;

/// <summary>
/// A run over synthetic data whose numbers all come from the Core: rows drawn by
/// <see cref="SyntheticData"/>, label issues found by <see cref="ConfidentLearning.FindLabelIssues"/>.
/// </summary>
internal static class SyntheticRun
{
    /// <summary>A run over <paramref name="rows"/> rows of <paramref name="classCount"/> classes.</summary>
    /// <param name="classCount">K.</param>
    /// <param name="rows">Rows drawn before any are dropped.</param>
    /// <param name="neverGiven">Classes whose rows are dropped, so they have probabilities but no given label.</param>
    /// <param name="invalid">Rows left out of the estimate as the engines leave out quarantined rows.</param>
    /// <param name="names">Class names, or null for generated ones.</param>
    /// <param name="collectWorst">Fill <see cref="RunResult.WorstIssues"/>, as an engine that collects them would.</param>
    /// <param name="training">The trained model to report.</param>
    /// <param name="fingerprintFile">A file to fingerprint as the input.</param>
    public static RunResult Create(int classCount, int rows, int[] neverGiven, int invalid, IReadOnlyList<string>? names, bool collectWorst, TrainingInfo? training, string fingerprintFile)
    {
        var timings = new StageTimings();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // More classes need a clearer model for the true class to stand out, as real models have.
        var data = new SyntheticData(classCount, noiseFraction: 0.2, seed: classCount, modelSignal: 3 + Math.Log(classCount));
        var truth = new int[rows];
        var labels = new int[rows];
        var probabilities = new double[rows * classCount];
        data.Fill(0, truth, labels, probabilities);
        var keep = Enumerable.Range(0, rows).Where(r => !neverGiven.Contains(labels[r])).Skip(invalid).ToArray();
        var keptLabels = keep.Select(r => labels[r]).ToArray();
        var keptProbabilities = new double[keep.Length * classCount];
        for (var i = 0; i < keep.Length; i++)
        {
            Array.Copy(probabilities, keep[i] * classCount, keptProbabilities, i * classCount, classCount);
        }

        timings.Add("generate", clock.Elapsed);
        clock.Restart();
        var report = ConfidentLearning.FindLabelIssues(keptLabels, keptProbabilities, classCount);
        timings.Add("find-label-issues", clock.Elapsed);

        var classNames = names ?? Enumerable.Range(0, classCount).Select(c => "class-" + c.ToString("D4", CultureInfo.InvariantCulture)).ToArray();
        var worst = collectWorst
            ? report.RankedIssues.Take(50).Select((row, rank) => new WorstIssue(
                rank + 1,
                row.ToString(CultureInfo.InvariantCulture),
                classNames[keptLabels[row]],
                classNames[report.SuggestedLabel[row]],
                report.LabelQuality[row],
                new Dictionary<string, string> { ["true label (synthetic)"] = classNames[truth[keep[row]]] })).ToArray()
            : null;
        return new RunResult
        {
            Engine = "local",
            OutputPath = "/data/out/label-issues",
            InputRows = keep.Length + invalid,
            InvalidRows = invalid,
            IssueRows = report.IsLabelIssue.Count(flagged => flagged),
            ClassNames = classNames,
            Estimates = report.Estimates,
            Health = report.Health,
            SelectionRounds = report.SelectionRounds,
            Partitions = 1,
            Timings = timings,
            Fingerprint = InputFingerprint.Of([fingerprintFile], keep.Length + invalid),
            Training = training,
            WorstIssues = worst,
        };
    }
}
