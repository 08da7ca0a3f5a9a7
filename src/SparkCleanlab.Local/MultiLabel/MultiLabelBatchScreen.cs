using SparkCleanlab.Local.Validation;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Output;

namespace SparkCleanlab.Local.MultiLabel;

/// <summary>
/// Finds the invalid rows of a multi-label batch: structural problems the reader found (null or
/// unknown class, a membership other than 0/1, wrong list length), then every probability finite
/// and in [0, 1]. Rows need not sum to one.
/// </summary>
internal static class MultiLabelBatchScreen
{
    /// <summary>The invalid rows in row order; empty for a clean batch.</summary>
    public static IReadOnlyList<InvalidRow> Screen(InputBatch batch, DatasetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(schema);
        var problems = batch.Problems;
        var invalid = new List<InvalidRow>();
        var next = 0;
        var k = batch.ClassCount;
        for (var row = 0; row < batch.Count; row++)
        {
            if (next < problems.Count && problems[next].Row == row)
            {
                invalid.Add(new InvalidRow(row, problems[next].Column, Describe(problems[next], k)));
                while (next < problems.Count && problems[next].Row == row)
                {
                    next++;
                }

                continue;
            }

            var probabilities = batch.ProbabilitiesOf(row);
            for (var j = 0; j < k; j++)
            {
                var p = probabilities[j];
                if (p >= 0 && p <= 1)
                {
                    continue;
                }

                var column = schema.Layout == ProbabilityLayout.ListColumn ? $"{schema.ProbabilityColumns[0]}[{j}]" : schema.ProbabilityColumns[j];
                var reason = double.IsNaN(p) ? InvalidReasons.NaN(column)
                    : double.IsInfinity(p) ? InvalidReasons.Infinite(column)
                    : p < 0 ? InvalidReasons.Negative(column)
                    : InvalidReasons.AboveOne(column, 0);
                invalid.Add(new InvalidRow(row, column, reason));
                break;
            }
        }

        return invalid;
    }

    private static string Describe(RowProblem problem, int classCount) => problem.Kind switch
    {
        RowProblemKind.NullLabel => InvalidReasons.NullLabel(problem.Column),
        RowProblemKind.UnknownClassName => InvalidReasons.UnknownClass(problem.Column, problem.Detail),
        RowProblemKind.LabelOutOfRange => InvalidReasons.LabelOutOfRange(problem.Column, problem.Detail, classCount),
        RowProblemKind.NotAMembership => InvalidReasons.NotAMembership(problem.Column, problem.Detail),
        RowProblemKind.NullProbability => InvalidReasons.NullProbability(problem.Column),
        _ => InvalidReasons.WrongProbabilityCount(problem.Column, problem.Detail, classCount),
    };
}
