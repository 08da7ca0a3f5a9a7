using BenchmarkDotNet.Attributes;
using SparkCleanlab.Core;
using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Bench;

/// <summary>The default find-label-issues (prune_by_noise_rate) on 1,000,000 rows x 10 classes in memory.</summary>
[MemoryDiagnoser]
public class FindLabelIssuesBenchmark
{
    private int[] _labels = [];
    private double[] _probabilities = [];

    /// <summary>Rows in the data set.</summary>
    [Params(1_000_000)]
    public int Rows { get; set; }

    /// <summary>Generates the data once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const int classes = 10;
        var data = new SyntheticData(classes, 0.2, seed: 42);
        _labels = new int[Rows];
        _probabilities = new double[Rows * classes];
        data.Fill(0, new int[Rows], _labels, _probabilities);
    }

    /// <summary>All stages on one thread.</summary>
    [Benchmark(Baseline = true)]
    public int SingleThreaded() =>
        ConfidentLearning.FindLabelIssues(_labels, _probabilities, 10, execution: InMemoryExecution.SingleThreaded).RankedIssues.Length;

    /// <summary>All stages on every core.</summary>
    [Benchmark]
    public int AllCores() =>
        ConfidentLearning.FindLabelIssues(_labels, _probabilities, 10, execution: InMemoryExecution.Parallel).RankedIssues.Length;
}
