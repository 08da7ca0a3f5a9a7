using SparkCleanlab.Core;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.MultiLabel;

namespace SparkCleanlab.Tests.MultiLabel;

/// <summary>
/// The reference's per-class issues are its single-label find_label_issues on each class's
/// one-vs-rest problem (labels 1 where given, probabilities [1 - p, p]), with every option passed
/// through and num_to_remove_per_class as [n_k, 0]: the options without golden figures are
/// checked against the single-label Core on those problems.
/// </summary>
public class OneVsRestEquivalenceTests
{
    public static TheoryData<string, FilterMethod, int> CasesMethodsAndVariants()
    {
        var data = new TheoryData<string, FilterMethod, int>();
        foreach (var method in Enum.GetValues<FilterMethod>().Where(m => m != FilterMethod.LowSelfConfidenceBatched))
        {
            for (var variant = 0; variant < 4; variant++)
            {
                if (variant == 3 && !LabelIssueOptions.IsPruneMethod(method))
                {
                    continue;
                }

                data.Add("multilabel_k5_n1000", method, variant);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesMethodsAndVariants))]
    public void PerClassIssuesAreTheSingleLabelIssuesOfEachBinaryProblem(string name, FilterMethod method, int variant)
    {
        var c = MultiLabelGoldenCase.Load(name);
        var options = variant switch
        {
            0 => new MultiLabelOptions { Method = method },
            1 => new MultiLabelOptions { Method = method, FracNoise = 0.5 },
            2 => new MultiLabelOptions { Method = method, MinExamplesPerClass = 300 },
            _ => new MultiLabelOptions { Method = method, NumToRemovePerClass = Enumerable.Range(0, c.ClassCount).Select(k => (long)(10 + (7 * k))).ToArray() },
        };
        var report = MultiLabelConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, options);
        for (var k = 0; k < c.ClassCount; k++)
        {
            var labels = c.Labels.Select(l => l.Contains(k) ? 1 : 0).ToArray();
            var probabilities = Enumerable.Range(0, c.RowCount).SelectMany(i => new[] { 1 - c.Probabilities[(i * c.ClassCount) + k], c.Probabilities[(i * c.ClassCount) + k] }).ToArray();
            var binary = ConfidentLearning.FindLabelIssues(labels, probabilities, 2, options.ForClass(k));
            Assert.Equal(binary.IsLabelIssue, Enumerable.Range(0, c.RowCount).Select(i => report.IsClassIssue[i, k]));
            Assert.Equal(binary.Estimates.ConfidentJoint.Calibrated, Slice(report.Estimates.CalibratedConfidentJoint(), k));
        }

        if (!options.SelectsLowestScores)
        {
            var any = Enumerable.Range(0, c.RowCount).Select(i => Enumerable.Range(0, c.ClassCount).Any(k => report.IsClassIssue[i, k]));
            Assert.Equal(any, report.IsLabelIssue);
        }
        else
        {
            Assert.Equal(report.Estimates.RowsWithConfidentIssue, report.IsLabelIssue.Count(f => f));
        }
    }

    private static long[,] Slice(long[,,] stacked, int k)
    {
        var matrix = new long[2, 2];
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                matrix[i, j] = stacked[k, i, j];
            }
        }

        return matrix;
    }
}
