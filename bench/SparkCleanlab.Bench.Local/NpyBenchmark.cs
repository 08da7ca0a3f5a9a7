using System.Diagnostics;
using SparkCleanlab.Cli;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Bench.Local;

/// <summary>find-issues on a labels.npy + pred_probs.npy pair, the files people bring from the Python tool.</summary>
internal static class NpyBenchmark
{
    public static async Task RunAsync(string folder, int rows, int classes)
    {
        Directory.CreateDirectory(folder);
        var truth = new int[rows];
        var labels = new int[rows];
        var probabilities = new double[(long)rows * classes];
        new SyntheticData(classes, 0.2, seed: 42).Fill(0, truth, labels, probabilities);
        NpyFile.Write(Path.Combine(folder, "labels.npy"), "<i8", labels.Select(l => (long)l).ToArray(), rows);
        NpyFile.Write(Path.Combine(folder, "pred_probs.npy"), "<f8", probabilities, rows, classes);
        Console.WriteLine($"wrote {rows:N0} x {classes} to {folder}/labels.npy and pred_probs.npy");

        var output = folder.TrimEnd(Path.DirectorySeparatorChar) + "-out";
        var clock = Stopwatch.StartNew();
        var code = await Cli.CommandLine.RunAsync(["find-issues", folder, "--output", output, "--overwrite", "--no-progress"], Console.Out, Console.Error);
        Console.WriteLine($"find-issues on .npy: {clock.Elapsed.TotalSeconds:F2} s (exit {code}), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB");
        Console.WriteLine($"reference: python -c \"import time, numpy as np; from cleanlab.filter import find_label_issues; l = np.load('{folder}/labels.npy'); p = np.load('{folder}/pred_probs.npy'); t = time.time(); m = find_label_issues(l, p); print(time.time() - t, m.sum())\"");
    }
}
