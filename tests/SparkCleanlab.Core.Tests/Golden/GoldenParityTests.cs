using System.Text.Json;
using SparkCleanlab.Core;
using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.Tests.Golden;

/// <summary>Every figure of every golden case, against the reference (cleanlab 2.9.0).</summary>
public class GoldenParityTests
{
    public static TheoryData<string> Cases => GoldenCase.All();




    [Theory]
    [MemberData(nameof(Cases))]
    public void ConfidentThresholdsMatch(string name)
    {
        var c = GoldenCase.Load(name);
        var estimates = ConfidentLearning.EstimateNoise(c.Labels, c.Probabilities, c.ClassCount);
        Near.Equal(GoldenCase.Doubles(c.Expected.GetProperty("confident_thresholds")), estimates.Thresholds.Values, "thresholds");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConfidentJointAndCalibrationMatch(string name)
    {
        var c = GoldenCase.Load(name);
        var estimates = ConfidentLearning.EstimateNoise(c.Labels, c.Probabilities, c.ClassCount);
        Near.Equal(GoldenCase.Matrix(c.Expected.GetProperty("confident_joint")), estimates.ConfidentJoint.Counts, "confident_joint");
        Near.Equal(GoldenCase.Matrix(c.Expected.GetProperty("confident_joint_calibrated")), estimates.ConfidentJoint.Calibrated, "calibrated");
        Near.Equal(GoldenCase.Matrix(c.Expected.GetProperty("estimate_joint")), estimates.Joint, "estimate_joint");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LatentEstimatesMatchForEveryPriorMethod(string name)
    {
        var c = GoldenCase.Load(name);
        var estimates = ConfidentLearning.EstimateNoise(c.Labels, c.Probabilities, c.ClassCount);
        foreach (var (key, method) in ReferenceOptions.Priors)
        {
            AssertLatent(c.Expected.GetProperty("latent_" + key), () => estimates.Latent(method, converge: false), key);
        }

        AssertLatent(c.Expected.GetProperty("latent_cnt_converged"), () => estimates.Latent(PriorMethod.Count, converge: true), "cnt_converged");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NumLabelIssuesMatch(string name)
    {
        var c = GoldenCase.Load(name);
        var estimates = ConfidentLearning.EstimateNoise(c.Labels, c.Probabilities, c.ClassCount);
        var expected = c.Expected.GetProperty("num_label_issues");
        Assert.Equal(expected.GetProperty("off_diagonal").GetInt64(), estimates.NumLabelIssues(IssueCountMethod.OffDiagonal));
        Assert.Equal(expected.GetProperty("off_diagonal_calibrated").GetInt64(), estimates.NumLabelIssues(IssueCountMethod.OffDiagonalCalibrated));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LabelIssuesMatchForEveryFilter(string name)
    {
        var c = GoldenCase.Load(name);
        AssertIssues(c, c.Expected.GetProperty("label_issues"), m => new LabelIssueOptions { Method = m });
        AssertIssues(c, c.Expected.GetProperty("label_issues_frac_noise_0.5"), m => new LabelIssueOptions { Method = m, FracNoise = 0.5 });
        AssertIssues(c, c.Expected.GetProperty("label_issues_min_examples_per_class_50"), m => new LabelIssueOptions { Method = m, MinExamplesPerClass = 50 });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BatchedLabelIssuesMatch(string name)
    {
        var c = GoldenCase.Load(name);
        var report = ConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, new LabelIssueOptions { Method = FilterMethod.LowSelfConfidenceBatched });
        var expected = GoldenCase.Ints(c.Expected.GetProperty("batched_label_issues"));
        var actual = Enumerable.Range(0, c.RowCount).Where(i => report.IsLabelIssue[i]).ToArray();
        if (c.HasTies)
        {
            Assert.Equal(CountsPerClass(c, expected), CountsPerClass(c, actual));
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RankedIssuesMatchForEveryRanking(string name)
    {
        var c = GoldenCase.Load(name);
        foreach (var property in c.Expected.GetProperty("ranked_label_issues").EnumerateObject())
        {
            var report = ConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, new LabelIssueOptions { RankBy = ReferenceOptions.Rankings[property.Name] });
            var expected = GoldenCase.Ints(property.Value);
            if (c.HasTies)
            {
                Assert.Equal(expected.Length, report.RankedIssues.Length);
                AssertOrderedByScore(report.RankedIssues, report.LabelQuality);
            }
            else
            {
                Assert.Equal(expected, report.RankedIssues);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LabelQualityScoresMatch(string name)
    {
        var c = GoldenCase.Load(name);
        foreach (var property in c.Expected.GetProperty("label_quality_scores").EnumerateObject())
        {
            var report = ConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, new LabelIssueOptions { RankBy = ReferenceOptions.Rankings[property.Name] });
            Near.Equal(GoldenCase.Doubles(property.Value), report.LabelQuality, property.Name);
        }

        foreach (var property in c.Expected.GetProperty("label_quality_scores_adjusted").EnumerateObject())
        {
            var report = ConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, new LabelIssueOptions { RankBy = ReferenceOptions.Rankings[property.Name], AdjustPredProbs = true });
            Near.Equal(GoldenCase.Doubles(property.Value), report.LabelQuality, "adjusted " + property.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DatasetHealthMatches(string name)
    {
        var c = GoldenCase.Load(name);
        var health = ConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount).Health;
        Assert.True(Math.Abs(c.Expected.GetProperty("overall_label_health_score").GetDouble() - health.OverallLabelHealthScore) <= Near.Tolerance);

        var classes = c.Expected.GetProperty("classes_by_label_quality");
        Assert.Equal(GoldenCase.Ints(classes.GetProperty("Class Index")), health.ClassesByLabelQuality.Select(q => q.ClassIndex));
        Assert.Equal(GoldenCase.Longs(classes.GetProperty("Label Issues")), health.ClassesByLabelQuality.Select(q => q.LabelIssues));
        Assert.Equal(GoldenCase.Longs(classes.GetProperty("Inverse Label Issues")), health.ClassesByLabelQuality.Select(q => q.InverseLabelIssues));
        Near.Equal(GoldenCase.Doubles(classes.GetProperty("Label Noise")), health.ClassesByLabelQuality.Select(q => q.LabelNoise).ToArray(), "Label Noise");
        Near.Equal(GoldenCase.Doubles(classes.GetProperty("Inverse Label Noise")), health.ClassesByLabelQuality.Select(q => q.InverseLabelNoise).ToArray(), "Inverse Label Noise");
        Near.Equal(GoldenCase.Doubles(classes.GetProperty("Label Quality Score")), health.ClassesByLabelQuality.Select(q => q.LabelQualityScore).ToArray(), "Label Quality Score");

        var overlaps = c.Expected.GetProperty("overlapping_classes");
        var expectedProbabilities = GoldenCase.Doubles(overlaps.GetProperty("Joint Probability"));
        Near.Equal(expectedProbabilities, health.OverlappingClasses.Select(o => o.JointProbability).ToArray(), "Joint Probability");
        Assert.Equal(GoldenCase.Longs(overlaps.GetProperty("Num Overlapping Examples")), health.OverlappingClasses.Select(o => o.NumOverlappingExamples));
        var expectedPairs = GoldenCase.Ints(overlaps.GetProperty("Class Index A")).Zip(GoldenCase.Ints(overlaps.GetProperty("Class Index B")));
        Assert.Equal(expectedPairs, health.OverlappingClasses.Select(o => (o.ClassA, o.ClassB)));
    }

    private static void AssertLatent(JsonElement expected, Func<LatentEstimate> estimate, string what)
    {
        if (expected.TryGetProperty("error", out _))
        {
            Assert.Throws<SingularMatrixException>(estimate);
            return;
        }

        var latent = estimate();
        Near.Equal(GoldenCase.Doubles(expected.GetProperty("py")), latent.Priors, what + " py");
        Near.Equal(GoldenCase.Matrix(expected.GetProperty("noise_matrix")), latent.NoiseMatrix, what + " noise_matrix");
        Near.Equal(GoldenCase.Matrix(expected.GetProperty("inverse_noise_matrix")), latent.InverseNoiseMatrix, what + " inverse_noise_matrix");
    }

    private static void AssertIssues(GoldenCase c, JsonElement expectedByMethod, Func<FilterMethod, LabelIssueOptions> options)
    {
        foreach (var property in expectedByMethod.EnumerateObject())
        {
            var report = ConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, options(ReferenceOptions.Methods[property.Name]));
            var expected = GoldenCase.Ints(property.Value);
            var actual = Enumerable.Range(0, c.RowCount).Where(i => report.IsLabelIssue[i]).ToArray();
            if (c.HasTies)
            {
                Assert.True(
                    CountsPerClass(c, expected).SequenceEqual(CountsPerClass(c, actual)),
                    $"{property.Name}: per-class counts {string.Join(",", CountsPerClass(c, expected))} expected, got {string.Join(",", CountsPerClass(c, actual))}");
            }
            else
            {
                Assert.True(expected.SequenceEqual(actual), $"{property.Name}: expected {expected.Length} issues, got {actual.Length}; only expected: [{string.Join(",", expected.Except(actual).Take(10))}], only actual: [{string.Join(",", actual.Except(expected).Take(10))}]");
            }
        }
    }

    private static int[] CountsPerClass(GoldenCase c, int[] rows)
    {
        var counts = new int[c.ClassCount];
        foreach (var r in rows)
        {
            counts[c.Labels[r]]++;
        }

        return counts;
    }

    private static void AssertOrderedByScore(int[] ranked, double[] scores)
    {
        for (var i = 1; i < ranked.Length; i++)
        {
            var a = ranked[i - 1];
            var b = ranked[i];
            Assert.True(scores[a] < scores[b] || (scores[a] == scores[b] && a < b), $"rank {i}: row {a} before row {b} breaks the order");
        }
    }
}
