using SparkCleanlab.Core.Validation;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Output;

namespace SparkCleanlab.Local.Validation;

/// <summary>
/// Finds the invalid rows of a batch: structural problems the reader found (null label, unknown
/// class, wrong list length) and the math's checks (<see cref="RowValidator"/>: label range, NaN,
/// negative, above one, row sum).
/// </summary>
internal sealed class BatchScreen(RowValidator validator)
{
    /// <summary>The invalid rows in row order; empty for a clean batch.</summary>
    public IReadOnlyList<InvalidRow> Screen(InputBatch batch, DatasetSchema schema)
    {
        var problems = batch.Problems;
        var invalid = new List<InvalidRow>();
        var next = 0;
        var labels = batch.Labels;
        for (var row = 0; row < batch.Count; row++)
        {
            if (next < problems.Count && problems[next].Row == row)
            {
                invalid.Add(new InvalidRow(row, problems[next].Column, Describe(problems[next])));
                while (next < problems.Count && problems[next].Row == row)
                {
                    next++;
                }

                continue;
            }

            var probabilities = batch.ProbabilitiesOf(row);
            var reason = validator.Check(labels[row], probabilities, out var column);
            if (reason != InvalidRowReason.None)
            {
                var columnName = ColumnName(schema, reason, column);
                invalid.Add(new InvalidRow(row, columnName, Describe(reason, columnName, labels[row])));
            }
        }

        return invalid;
    }

    private string Describe(RowProblem problem) => problem.Kind switch
    {
        RowProblemKind.NullLabel => InvalidReasons.NullLabel(problem.Column),
        RowProblemKind.UnknownClassName => InvalidReasons.UnknownClass(problem.Column, problem.Detail),
        RowProblemKind.LabelOutOfRange => InvalidReasons.LabelOutOfRange(problem.Column, problem.Detail, validator.ClassCount),
        RowProblemKind.NullProbability => InvalidReasons.NullProbability(problem.Column),
        _ => InvalidReasons.WrongProbabilityCount(problem.Column, problem.Detail, validator.ClassCount),
    };

    private string Describe(InvalidRowReason reason, string column, int label) => reason switch
    {
        InvalidRowReason.LabelOutOfRange => InvalidReasons.LabelOutOfRange(column, label.ToString(System.Globalization.CultureInfo.InvariantCulture), validator.ClassCount),
        InvalidRowReason.ProbabilityNaN => InvalidReasons.NaN(column),
        InvalidRowReason.ProbabilityInfinite => InvalidReasons.Infinite(column),
        InvalidRowReason.ProbabilityNegative => InvalidReasons.Negative(column),
        InvalidRowReason.ProbabilityAboveOne => InvalidReasons.AboveOne(column, validator.SumTolerance),
        _ => InvalidReasons.SumNotOne(validator.SumTolerance),
    };

    private static string ColumnName(DatasetSchema schema, InvalidRowReason reason, int column) => reason switch
    {
        InvalidRowReason.LabelOutOfRange => schema.LabelColumn,
        _ when column < 0 => string.Join(",", schema.ProbabilityColumns),
        _ when schema.Layout is ProbabilityLayout.ClassColumns or ProbabilityLayout.Provided => schema.ProbabilityColumns[column],
        _ => $"{schema.ProbabilityColumns[0]}[{column}]",
    };
}
