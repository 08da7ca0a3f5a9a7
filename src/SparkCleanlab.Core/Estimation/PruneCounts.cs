namespace SparkCleanlab.Core.Estimation;

/// <summary>
/// How many rows to prune per (true j, given k) cell: the reference's prune_count_matrix, the
/// transposed calibrated confident joint after keeping at least min_examples_per_class on the
/// diagonal (_keep_at_least_n_per_class), scaling by frac_noise (_reduce_prune_counts, which
/// truncates to integers) and, when given, num_to_remove_per_class.
/// </summary>
internal sealed class PruneCounts
{
    private readonly long[,] _matrix;

    private PruneCounts(long[,] matrix) => _matrix = matrix;

    /// <summary>Number of classes.</summary>
    public int ClassCount => _matrix.GetLength(0);

    /// <summary>Rows labeled <paramref name="given"/> to prune as truly <paramref name="trueClass"/> (off-diagonal) or to keep (diagonal).</summary>
    public long this[int trueClass, int given] => _matrix[trueClass, given];

    /// <summary>A copy of the matrix, [true, given].</summary>
    public long[,] ToArray() => (long[,])_matrix.Clone();

    /// <summary>Computes the prune counts from the calibrated joint.</summary>
    public static PruneCounts Compute(long[,] calibratedJoint, ReadOnlySpan<long> labelCounts, int minExamplesPerClass, double fracNoise, IReadOnlyList<long>? numToRemovePerClass)
    {
        var k = calibratedJoint.GetLength(0);
        var pcm = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                pcm[i, j] = calibratedJoint[j, i];
            }
        }

        var kept = KeepAtLeast(pcm, minExamplesPerClass);
        var reduced = ReduceByFraction(kept, fracNoise);
        var matrix = RoundPreservingSum.RoundRows(reduced);
        if (numToRemovePerClass is not null)
        {
            matrix = RemoveExactly(Matrices.ToDouble(matrix), labelCounts, numToRemovePerClass);
        }

        return new PruneCounts(matrix);
    }

    private static double[,] KeepAtLeast(double[,] pcm, int n)
    {
        var k = pcm.GetLength(0);
        var result = new double[k, k];
        for (var c = 0; c < k; c++)
        {
            var diagonal = pcm[c, c];
            var newDiagonal = Math.Max(diagonal, n);
            var diff = newDiagonal - diagonal;
            var nonZero = 0;
            for (var r = 0; r < k; r++)
            {
                if (pcm[r, c] != 0)
                {
                    nonZero++;
                }
            }

            var noiseRates = Math.Max(nonZero - 1.0, 1.0);
            for (var r = 0; r < k; r++)
            {
                result[r, c] = r == c ? newDiagonal : Math.Max(pcm[r, c] - (diff / noiseRates), 0);
            }
        }

        return result;
    }

    // The reference truncates with astype(int) here, before rounding rows.
    private static double[,] ReduceByFraction(double[,] pcm, double fracNoise)
    {
        var k = pcm.GetLength(0);
        var result = new double[k, k];
        for (var c = 0; c < k; c++)
        {
            double removed = 0;
            for (var r = 0; r < k; r++)
            {
                if (r != c)
                {
                    var scaled = pcm[r, c] * fracNoise;
                    result[r, c] = Math.Truncate(scaled);
                    removed += pcm[r, c] - scaled;
                }
            }

            result[c, c] = Math.Truncate(pcm[c, c] + removed);
        }

        return result;
    }

    // Mirrors the reference's arithmetic exactly, including that it divides each row by the
    // sum of the row with the column's index (numpy broadcasting of a row-sum vector).
    private static long[,] RemoveExactly(double[,] pcm, ReadOnlySpan<long> labelCounts, IReadOnlyList<long> numToRemove)
    {
        var k = pcm.GetLength(0);
        var rowSums = Matrices.RowSums(pcm);
        var psy = new double[k, k];
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++)
            {
                psy[r, c] = pcm[r, c] / rowSums[c];
            }
        }

        var tmp = new double[k, k];
        var rowTotals = Matrices.RowSums(psy);
        for (var r = 0; r < k; r++)
        {
            var noisePerGiven = rowTotals[r] - psy[r, r];
            for (var c = 0; c < k; c++)
            {
                tmp[r, c] = psy[r, c] * numToRemove[r] / noisePerGiven;
            }

            tmp[r, r] = labelCounts[r] - numToRemove[r];
        }

        return RoundPreservingSum.RoundRows(tmp);
    }
}
