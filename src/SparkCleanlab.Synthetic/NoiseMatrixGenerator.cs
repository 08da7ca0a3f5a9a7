namespace SparkCleanlab.Synthetic;

/// <summary>
/// Random noise matrices P(given = i | true = j) with a chosen trace and sparsity, for tests
/// and benchmarks (the reference's generate_noise_matrix_from_trace). Seeded and deterministic.
/// </summary>
public static class NoiseMatrixGenerator
{
    /// <summary>Draws a noise matrix whose columns sum to one and whose diagonal sums to <paramref name="trace"/>.</summary>
    /// <param name="classCount">K, at least 2.</param>
    /// <param name="trace">Sum of the diagonal, in (1, K] when a valid matrix is wanted.</param>
    /// <param name="priors">p(true = k); needed to check validity when K &gt; 2.</param>
    /// <param name="fracZeroNoiseRates">Fraction of off-diagonal rates forced to zero.</param>
    /// <param name="seed">Seed of the generator.</param>
    /// <param name="requireValid">Reject matrices for which the labels could not be learned (noise_matrix_is_valid).</param>
    /// <param name="maxIterations">Attempts before giving up.</param>
    /// <returns>The matrix, or null after <paramref name="maxIterations"/> invalid draws.</returns>
    public static double[,]? FromTrace(int classCount, double trace, double[]? priors = null, double fracZeroNoiseRates = 0, int seed = 0, bool requireValid = true, int maxIterations = 10000)
    {
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "K must be at least 2.");
        }

        if (requireValid && trace <= 1)
        {
            throw new ArgumentException($"trace = {trace}: a valid noise matrix needs trace > 1.", nameof(trace));
        }

        if (requireValid && priors is null && classCount > 2)
        {
            throw new ArgumentException("priors are needed to check validity when K > 2.", nameof(priors));
        }

        var random = new Random(seed);
        if (classCount == 2)
        {
            return Binary(trace, fracZeroNoiseRates, random);
        }

        for (var attempt = 0; attempt < maxIterations; attempt++)
        {
            var matrix = Draw(classCount, trace, fracZeroNoiseRates, random);
            if (!requireValid || NoiseMatrixValidity.IsValid(matrix, priors!))
            {
                return matrix;
            }
        }

        return null;
    }

    private static double[,] Binary(double trace, double fracZeroNoiseRates, Random random)
    {
        if (fracZeroNoiseRates >= 0.5)
        {
            var one = new[,] { { 1.0, 1 - (trace - 1.0) }, { 0.0, trace - 1.0 } };
            return random.NextDouble() > 0.5 ? one : new[,] { { one[1, 1], one[1, 0] }, { one[0, 1], one[0, 0] } };
        }

        var diagonal = RandomProbabilities.SumTo(2, trace, random);
        return new[,] { { diagonal[0], 1 - diagonal[1] }, { 1 - diagonal[0], diagonal[1] } };
    }

    private static double[,] Draw(int k, double trace, double fracZeroNoiseRates, Random random)
    {
        var matrix = new double[k, k];
        var diagonal = RandomProbabilities.SumTo(k, trace, random, 1.0, 1e-5);
        for (var i = 0; i < k; i++)
        {
            matrix[i, i] = diagonal[i];
        }

        var noisyColumns = Enumerable.Range(0, k).Where(c => diagonal[c] != 1).ToArray();
        var zeroRates = (int)(k * (k - 1) * fracZeroNoiseRates) - ((k - noisyColumns.Length) * (k - 1));
        var zerosPerColumn = RandomProbabilities.DistributeBalls(Math.Max(zeroRates, 0), noisyColumns.Length, k - 2, 0, random);
        for (var n = 0; n < noisyColumns.Length; n++)
        {
            var column = noisyColumns[n];
            var nonZero = k - 1 - zerosPerColumn[n];
            var rates = RandomProbabilities.SumTo(nonZero, 1 - diagonal[column], random, 1 - 1e-5, 0);
            var rows = Enumerable.Range(0, k).Where(r => r != column).OrderBy(_ => random.Next()).Take(nonZero).ToArray();
            for (var r = 0; r < rows.Length; r++)
            {
                matrix[rows[r], column] = rates[r];
            }
        }

        return matrix;
    }
}
