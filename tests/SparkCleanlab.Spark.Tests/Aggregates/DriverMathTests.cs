using SparkCleanlab.Core.Filtering;

namespace SparkCleanlab.Spark.Tests.Aggregates;

/// <summary>The driver's math fed with stage results shaped as Spark returns them.</summary>
public sealed class DriverMathTests
{
    private static readonly (FilterMethod Method, string Key)[] Methods =
    [
        (FilterMethod.PruneByNoiseRate, "prune_by_noise_rate"),
        (FilterMethod.PruneByClass, "prune_by_class"),
        (FilterMethod.Both, "both"),
        (FilterMethod.ConfidentLearning, "confident_learning"),
        (FilterMethod.PredictedNeqGiven, "predicted_neq_given"),
        (FilterMethod.LowNormalizedMargin, "low_normalized_margin"),
        (FilterMethod.LowSelfConfidence, "low_self_confidence"),
    ];

    public static TheoryData<string, FilterMethod> CasesAndMethods()
    {
        var data = new TheoryData<string, FilterMethod>();
        foreach (var name in GoldenCase.Names())
        {
            foreach (var (method, _) in Methods)
            {
                data.Add(name, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndMethods))]
    public void SparkShapedResultsFlagTheSameRowsAsTheInMemoryCore(string name, FilterMethod method)
    {
        var data = new PartitionedCase(GoldenCase.Load(name), fileCount: 3);
        var options = new LabelIssueOptions { Method = method };

        Assert.Equal(DriverPath.InMemory(data, options), DriverPath.FromSparkShapedResults(data, options));
    }

    [Theory]
    [MemberData(nameof(CasesAndMethods))]
    public void SparkShapedResultsMatchTheReference(string name, FilterMethod method)
    {
        var golden = GoldenCase.Load(name);
        var data = new PartitionedCase(golden, fileCount: 4);

        var flagged = DriverPath.FromSparkShapedResults(data, new LabelIssueOptions { Method = method })
            .Select(data.IndexOf).Order().ToList();

        var key = Methods.Single(m => m.Method == method).Key;
        var expected = golden.Expected.GetProperty("label_issues").GetProperty(key).EnumerateArray().Select(e => e.GetInt32()).ToList();
        if (name.StartsWith("ties", StringComparison.Ordinal))
        {
            // The reference breaks ties by its sort's whim: only the count per class is pinned.
            Assert.Equal(CountPerClass(golden, expected), CountPerClass(golden, flagged));
        }
        else
        {
            Assert.Equal(expected, flagged);
        }
    }

    private static int[] CountPerClass(GoldenCase golden, IEnumerable<int> rows)
    {
        var counts = new int[golden.ClassCount];
        foreach (var i in rows)
        {
            counts[golden.Labels[i]]++;
        }

        return counts;
    }
}
