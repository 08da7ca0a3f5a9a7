using System.Text.Json;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.Tests.Golden;

/// <summary>Every figure of every multi-label golden case, against the reference (cleanlab 2.9.0).</summary>
public class MultiLabelGoldenParityTests
{
    public static TheoryData<string> Cases => MultiLabelGoldenCase.All();



    [Theory]
    [MemberData(nameof(Cases))]
    public void CaseIsComplete(string name)
    {
        var c = MultiLabelGoldenCase.Load(name);
        Assert.Equal(c.Expected.GetProperty("n").GetInt32(), c.RowCount);
        Assert.Equal(c.Expected.GetProperty("K").GetInt32(), c.ClassCount);
        Assert.Empty(c.Expected.GetProperty("errors").EnumerateObject());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LabelIssuesMatchForEveryFilter(string name)
    {
        var c = MultiLabelGoldenCase.Load(name);
        var expectedByMethod = c.Expected.GetProperty("label_issues");
        Assert.Equal(ReferenceOptions.Methods.Keys.Order(), expectedByMethod.EnumerateObject().Select(p => p.Name).Order());
        foreach (var property in expectedByMethod.EnumerateObject())
        {
            var report = Run(c, new MultiLabelOptions { Method = ReferenceOptions.Methods[property.Name] });
            AssertSameRows(GoldenCase.Ints(property.Value), Flagged(report.IsLabelIssue), property.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PerClassIssuesMatch(string name)
    {
        var c = MultiLabelGoldenCase.Load(name);
        var report = Run(c, new MultiLabelOptions());
        var expected = c.Expected.GetProperty("label_issues_per_class").EnumerateArray().Select(GoldenCase.Ints).ToArray();
        Assert.Equal(c.RowCount, expected.Length);
        for (var i = 0; i < c.RowCount; i++)
        {
            var actual = Enumerable.Range(0, c.ClassCount).Where(k => report.IsClassIssue[i, k]).ToArray();
            Assert.True(expected[i].SequenceEqual(actual), $"row {i}: expected classes [{string.Join(",", expected[i])}], got [{string.Join(",", actual)}]");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RankedIssuesMatchForEveryRanking(string name)
    {
        var c = MultiLabelGoldenCase.Load(name);
        foreach (var property in c.Expected.GetProperty("ranked_label_issues").EnumerateObject())
        {
            var report = Run(c, new MultiLabelOptions { RankBy = ReferenceOptions.Rankings[property.Name] });
            Assert.Equal(GoldenCase.Ints(property.Value), report.RankedIssues);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LabelQualityScoresMatch(string name)
    {
        var c = MultiLabelGoldenCase.Load(name);
        foreach (var property in c.Expected.GetProperty("label_quality_scores").EnumerateObject())
        {
            var report = Run(c, new MultiLabelOptions { RankBy = ReferenceOptions.Rankings[property.Name] });
            Near.Equal(GoldenCase.Doubles(property.Value), report.LabelQuality, property.Name);
        }

        var maximum = Run(c, new MultiLabelOptions { Aggregator = ScoreAggregator.Maximum });
        Near.Equal(GoldenCase.Doubles(c.Expected.GetProperty("label_quality_scores_max_aggregator")), maximum.LabelQuality, "max aggregator");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConfidentJointMatches(string name)
    {
        var c = MultiLabelGoldenCase.Load(name);
        var joint = Run(c, new MultiLabelOptions()).Estimates.CalibratedConfidentJoint();
        var expected = c.Expected.GetProperty("confident_joint_multilabel").EnumerateArray().Select(GoldenCase.Matrix).ToArray();
        Assert.Equal(expected.Length, joint.GetLength(0));
        for (var k = 0; k < expected.Length; k++)
        {
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 2; j++)
                {
                    Assert.True(expected[k][i, j] == joint[k, i, j], $"class {k} [{i},{j}]: expected {expected[k][i, j]}, got {joint[k, i, j]}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CommonIssuesMatch(string name)
    {
        var c = MultiLabelGoldenCase.Load(name);
        var issues = Run(c, new MultiLabelOptions()).Health.CommonIssues;
        var expected = c.Expected.GetProperty("common_multilabel_issues");
        Assert.Equal(GoldenCase.Ints(expected.GetProperty("Class Index")), issues.Select(i => i.ClassIndex));
        Assert.Equal(Bools(expected.GetProperty("In Given Label")), issues.Select(i => i.InGivenLabel));
        Assert.Equal(Bools(expected.GetProperty("In Suggested Label")), issues.Select(i => i.InSuggestedLabel));
        Assert.Equal(GoldenCase.Longs(expected.GetProperty("Num Examples")), issues.Select(i => i.NumExamples));
        Near.Equal(GoldenCase.Doubles(expected.GetProperty("Issue Probability")), issues.Select(i => i.IssueProbability).ToArray(), "Issue Probability");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClassesByQualityMatch(string name)
    {
        var c = MultiLabelGoldenCase.Load(name);
        var classes = Run(c, new MultiLabelOptions()).Health.ClassesByLabelQuality;
        var expected = c.Expected.GetProperty("rank_classes_by_multilabel_quality");
        Assert.Equal(GoldenCase.Ints(expected.GetProperty("Class Index")), classes.Select(q => q.ClassIndex));
        Assert.Equal(GoldenCase.Longs(expected.GetProperty("Label Issues")), classes.Select(q => q.LabelIssues));
        Assert.Equal(GoldenCase.Longs(expected.GetProperty("Inverse Label Issues")), classes.Select(q => q.InverseLabelIssues));
        Near.Equal(GoldenCase.Doubles(expected.GetProperty("Label Noise")), classes.Select(q => q.LabelNoise).ToArray(), "Label Noise");
        Near.Equal(GoldenCase.Doubles(expected.GetProperty("Inverse Label Noise")), classes.Select(q => q.InverseLabelNoise).ToArray(), "Inverse Label Noise");
        Near.Equal(GoldenCase.Doubles(expected.GetProperty("Label Quality Score")), classes.Select(q => q.LabelQualityScore).ToArray(), "Label Quality Score");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OverallHealthScoreMatches(string name)
    {
        var c = MultiLabelGoldenCase.Load(name);
        var expected = c.Expected.GetProperty("overall_multilabel_health_score").GetDouble();
        var actual = Run(c, new MultiLabelOptions()).Health.OverallHealthScore;
        Assert.True(Math.Abs(expected - actual) <= Near.Tolerance, $"expected {expected:R}, got {actual:R}");
    }

    private static MultiLabelIssueReport Run(MultiLabelGoldenCase c, MultiLabelOptions options) =>
        MultiLabelConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, options);

    private static int[] Flagged(bool[] isIssue) => Enumerable.Range(0, isIssue.Length).Where(i => isIssue[i]).ToArray();

    private static bool[] Bools(JsonElement e) => e.EnumerateArray().Select(x => x.GetBoolean()).ToArray();

    private static void AssertSameRows(int[] expected, int[] actual, string what) =>
        Assert.True(
            expected.SequenceEqual(actual),
            $"{what}: expected {expected.Length} issues, got {actual.Length}; only expected: [{string.Join(",", expected.Except(actual).Take(10))}], only actual: [{string.Join(",", actual.Except(expected).Take(10))}]");
}
