namespace SparkCleanlab.Core.Rows;

/// <summary>
/// Per-row arithmetic shared by the stages. Every formula here is mirrored operation for
/// operation by the Spark engine's column expressions: IEEE doubles give identical results
/// in .NET and the JVM when the operations and their order are the same.
/// </summary>
internal static class RowMath
{
    /// <summary>The reference's fuzzy comparison slack (cleanlab's FLOATING_POINT_COMPARISON).</summary>
    public const double FloatingPointComparison = 1e-6;

    /// <summary>Index of the largest probability; the first one when several are equal (numpy's argmax).</summary>
    public static int ArgMax(ReadOnlySpan<double> row)
    {
        if (row.Length <= RowMask.MaxClasses)
        {
            // The first class equal to the maximum is numpy's argmax; signed zeros compare equal.
            // Only a NaN leaves no class at the maximum; the loop below answers for such a row.
            var atMax = RowMask.GreaterOrEqual(row, RowMask.Max(row));
            if (atMax != 0)
            {
                return RowMask.First(atMax);
            }
        }

        var best = 0;
        var max = row[0];
        for (var j = 1; j < row.Length; j++)
        {
            if (row[j] > max)
            {
                max = row[j];
                best = j;
            }
        }

        return best;
    }

    /// <summary>
    /// True when the given label is the prediction once it gets a head start of 1e-6:
    /// <c>argmax(p + 1e-6 * onehot(given)) == given</c>. The reference un-flags such rows at the
    /// end of find_label_issues (its <c>_reduce_issues</c>) and in num_label_issues.
    /// </summary>
    public static bool GivenWinsWithSlack(ReadOnlySpan<double> row, int given)
    {
        var bumped = row[given] + FloatingPointComparison;
        if (row.Length <= RowMask.MaxClasses)
        {
            // Classes before the given one must stay strictly below, classes after it may tie.
            var before = (1UL << given) - 1;
            var after = ~((2UL << given) - 1);
            return (RowMask.GreaterOrEqual(row, bumped) & before) == 0 && (RowMask.GreaterThan(row, bumped) & after) == 0;
        }

        for (var j = 0; j < given; j++)
        {
            if (row[j] >= bumped)
            {
                return false;
            }
        }

        for (var j = given + 1; j < row.Length; j++)
        {
            if (row[j] > bumped)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Largest probability among the classes other than <paramref name="given"/>.</summary>
    public static double MaxOther(ReadOnlySpan<double> row, int given)
    {
        var max = double.NegativeInfinity;
        for (var j = 0; j < row.Length; j++)
        {
            if (j != given && row[j] > max)
            {
                max = row[j];
            }
        }

        return max;
    }

    /// <summary>
    /// Turns -0.0 into +0.0 so keys compare, bucket and aggregate the same on every engine
    /// (Spark normalises signed zeros in aggregations; adding +0.0 does it in one IEEE operation).
    /// </summary>
    public static double NormalizeZero(double key) => key + 0.0;
}
