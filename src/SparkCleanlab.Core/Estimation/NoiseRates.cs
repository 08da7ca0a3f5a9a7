namespace SparkCleanlab.Core.Estimation;

/// <summary>The reference's clipping rules for noise matrices and priors.</summary>
internal static class NoiseRates
{
    /// <summary>The reference's CLIPPING_LOWER_BOUND for priors.</summary>
    public const double PriorLowerBound = 1e-6;

    /// <summary>
    /// clip_noise_rates: off-diagonal rates clipped to [0, 0.9999], the diagonal kept, then each
    /// column renormalised to sum to one.
    /// </summary>
    public static double[,] Clip(double[,] matrix)
    {
        var k = matrix.GetLength(0);
        var clipped = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                clipped[i, j] = i == j ? matrix[i, j] : Math.Clamp(matrix[i, j], 0, 0.9999);
            }
        }

        var columnSums = Matrices.ColumnSums(clipped);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                clipped[i, j] /= Math.Max(columnSums[j], Matrices.Tiny);
            }
        }

        return clipped;
    }

    /// <summary>clip_values: clips each value to [low, high] and rescales the vector to sum to <paramref name="newSum"/>.</summary>
    public static double[] ClipValues(double[] values, double low, double high, double newSum)
    {
        var clipped = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            clipped[i] = Math.Clamp(values[i], low, high);
        }

        var sum = Math.Max(Matrices.Sum(clipped), Matrices.Tiny);
        for (var i = 0; i < clipped.Length; i++)
        {
            clipped[i] = clipped[i] * newSum / sum;
        }

        return clipped;
    }
}
