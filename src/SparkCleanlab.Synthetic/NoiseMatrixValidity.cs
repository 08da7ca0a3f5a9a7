namespace SparkCleanlab.Synthetic;

/// <summary>
/// The reference's noise_matrix_is_valid: the joint sums to one, and for every class the true
/// and given label agree more often than chance would (p(given = k) p(true = k) &lt; p(given = k, true = k)),
/// which confident learning needs to recover the labels.
/// </summary>
internal static class NoiseMatrixValidity
{
    /// <summary>True when the matrix, with these priors, is learnable.</summary>
    public static bool IsValid(double[,] noiseMatrix, double[] priors)
    {
        var k = priors.Length;
        double total = 0;
        var givenPriors = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                total += noiseMatrix[i, j] * priors[j];
                givenPriors[i] += noiseMatrix[i, j] * priors[j];
            }
        }

        if (Math.Abs(total - 1.0) >= 1e-6)
        {
            return false;
        }

        for (var i = 0; i < k; i++)
        {
            if (!(givenPriors[i] * priors[i] < noiseMatrix[i, i] * priors[i]))
            {
                return false;
            }
        }

        return true;
    }
}
