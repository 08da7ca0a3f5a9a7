namespace SparkCleanlab.Core.Estimation;

/// <summary>
/// Rounds a row of non-negative numbers to integers whose total equals the rounded total of
/// the row (the reference's round_preserving_sum): values are rounded half to even, then the
/// entries with the largest (or smallest) rounding error move by one until the totals agree.
/// Among equal errors the order is numpy's argsort's (<see cref="NumpyArgsort"/>), reversed when adding.
/// </summary>
internal static class RoundPreservingSum
{
    /// <summary>Rounds one row.</summary>
    public static long[] Round(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var ints = new double[n];
        double total = 0, intTotal = 0;
        for (var i = 0; i < n; i++)
        {
            ints[i] = Math.Round(values[i], MidpointRounding.ToEven);
            total += values[i];
        }

        total = Math.Round(total, MidpointRounding.ToEven);
        intTotal = Math.Round(Matrices.Sum(ints), MidpointRounding.ToEven);
        var errors = new double[n];
        while (Math.Abs(intTotal - total) > Rows.RowMath.FloatingPointComparison)
        {
            var diff = Math.Round(total - intTotal, MidpointRounding.ToEven);
            var increment = diff < 0 ? -1 : 1;
            var changes = (int)Math.Min(Math.Abs(diff), n);
            for (var i = 0; i < n; i++)
            {
                errors[i] = values[i] - ints[i];
            }

            var order = NumpyArgsort.Ascending(errors);
            for (var c = 0; c < changes; c++)
            {
                var index = increment > 0 ? order[n - 1 - c] : order[c];
                ints[index] += increment;
            }

            intTotal = Math.Round(Matrices.Sum(ints), MidpointRounding.ToEven);
        }

        var result = new long[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = (long)ints[i];
        }

        return result;
    }

    /// <summary>Rounds every row of a matrix (the reference's round_preserving_row_totals).</summary>
    public static long[,] RoundRows(double[,] matrix)
    {
        var rows = matrix.GetLength(0);
        var cols = matrix.GetLength(1);
        var result = new long[rows, cols];
        var row = new double[cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                row[c] = matrix[r, c];
            }

            var rounded = Round(row);
            for (var c = 0; c < cols; c++)
            {
                result[r, c] = rounded[c];
            }
        }

        return result;
    }
}
