using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Core.Joint;

/// <summary>
/// The confident guess of a row's true class (the reference's compute_confident_joint):
/// the classes j with p[j] &gt;= t[j] - 1e-6 are confident; with one, it is the guess; with
/// several, the guess is the argmax of the whole row (not only of the confident classes,
/// as in the reference); with none, the row has no guess and is not counted.
/// </summary>
internal static class ConfidentGuess
{
    /// <summary>No class is confident.</summary>
    public const int None = -1;

    /// <summary>The guess for one row, or <see cref="None"/>.</summary>
    /// <param name="row">The row's probabilities.</param>
    /// <param name="cuts">t[j] - 1e-6 per class, from <see cref="Statistics.ClassThresholds.ConfidenceCuts"/>.</param>
    public static int Of(ReadOnlySpan<double> row, ReadOnlySpan<double> cuts)
    {
        if (row.Length <= RowMask.MaxClasses)
        {
            var mask = RowMask.GreaterOrEqual(row, cuts);
            return mask == 0 ? None : (mask & (mask - 1)) == 0 ? RowMask.First(mask) : RowMath.ArgMax(row);
        }

        var confident = 0;
        var first = None;
        var argMax = 0;
        var max = row[0];
        for (var j = 0; j < row.Length; j++)
        {
            var p = row[j];
            if (p >= cuts[j])
            {
                if (confident++ == 0)
                {
                    first = j;
                }
            }

            if (p > max)
            {
                max = p;
                argMax = j;
            }
        }

        return confident switch
        {
            0 => None,
            1 => first,
            _ => argMax,
        };
    }

    /// <summary>
    /// True when the row is an off-diagonal entry of the confident joint (a guess that differs
    /// from the given label) and the given label does not win the argmax with 1e-6 slack:
    /// the rows that confident_learning flags and that num_label_issues counts.
    /// </summary>
    public static bool IsOffDiagonalIssue(ReadOnlySpan<double> row, int given, ReadOnlySpan<double> cuts)
    {
        var guess = Of(row, cuts);
        return guess != None && guess != given && !RowMath.GivenWinsWithSlack(row, given);
    }
}
