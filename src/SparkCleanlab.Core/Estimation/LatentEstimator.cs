namespace SparkCleanlab.Core.Estimation;

/// <summary>
/// Latent estimation from a (calibrated) confident joint, as the reference's estimate_latent:
/// noise matrices from the joint's columns and rows, the prior by the chosen method, rates
/// clipped, and optionally the alternating convergence of the three estimates.
/// </summary>
internal static class LatentEstimator
{
    private const int NoiseMatrixIterations = 3;
    private const int InverseNoiseMatrixIterations = 5;
    private const double ConvergedPriorLowerBound = 1e-5;

    /// <summary>Estimates p(y) and both noise matrices.</summary>
    /// <param name="confidentJoint">C[given, true], usually calibrated.</param>
    /// <param name="labelCounts">Rows per given class.</param>
    /// <param name="method">How to estimate the prior.</param>
    /// <param name="converge">Iterate the estimates towards consistency (converge_latent_estimates).</param>
    /// <exception cref="SingularMatrixException"><paramref name="method"/> is <see cref="PriorMethod.Equation"/> and the noise matrix is singular.</exception>
    public static LatentEstimate Estimate(long[,] confidentJoint, ReadOnlySpan<long> labelCounts, PriorMethod method, bool converge)
    {
        var k = confidentJoint.GetLength(0);
        var joint = Matrices.ToDouble(confidentJoint);
        var n = 0.0;
        foreach (var c in labelCounts)
        {
            n += c;
        }

        var ps = new double[k];
        for (var i = 0; i < k; i++)
        {
            ps[i] = labelCounts[i] / n;
        }

        var givenCounts = Matrices.RowSums(joint);
        var trueCounts = Matrices.ColumnSums(joint);
        var noise = new double[k, k];
        var inverse = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                noise[i, j] = joint[i, j] / Math.Max(trueCounts[j], Matrices.Tiny);
                inverse[j, i] = joint[i, j] / Math.Max(givenCounts[i], Matrices.Tiny);
            }
        }

        var py = Prior(ps, noise, inverse, method, trueCounts);
        noise = NoiseRates.Clip(noise);
        inverse = NoiseRates.Clip(inverse);
        if (converge)
        {
            for (var outer = 0; outer < NoiseMatrixIterations; outer++)
            {
                for (var inner = 0; inner < InverseNoiseMatrixIterations; inner++)
                {
                    inverse = InverseFromNoise(py, noise, ps);
                    py = Prior(ps, noise, inverse, PriorMethod.Count, trueCounts);
                }

                noise = NoiseFromInverse(ps, inverse, py);
            }

            py = NoiseRates.ClipValues(py, ConvergedPriorLowerBound, 1.0, 1.0);
            noise = NoiseRates.Clip(noise);
            inverse = NoiseRates.Clip(inverse);
        }

        return new LatentEstimate(py, noise, inverse);
    }

    /// <summary>compute_py: the prior of true labels by <paramref name="method"/>, clipped to [1e-6, 1] and summing to one.</summary>
    public static double[] Prior(double[] ps, double[,] noise, double[,] inverse, PriorMethod method, double[] trueCounts)
    {
        var k = ps.Length;
        double[] py;
        switch (method)
        {
            case PriorMethod.Count:
                py = new double[k];
                for (var i = 0; i < k; i++)
                {
                    py[i] = inverse[i, i] / Math.Max(noise[i, i], Matrices.Tiny) * ps[i];
                }

                break;
            case PriorMethod.Equation:
                py = Matrices.Multiply(MatrixInverse.Invert(noise), ps);
                break;
            case PriorMethod.Marginal:
                var total = Math.Max(Matrices.Sum(trueCounts), Matrices.Tiny);
                py = new double[k];
                for (var i = 0; i < k; i++)
                {
                    py[i] = trueCounts[i] / total;
                }

                break;
            case PriorMethod.MarginalPs:
                py = Matrices.Multiply(inverse, ps);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown prior method.");
        }

        return NoiseRates.ClipValues(py, NoiseRates.PriorLowerBound, 1.0, 1.0);
    }

    /// <summary>compute_inv_noise_matrix: P(true | given) from P(given | true), p(y) and p(given).</summary>
    public static double[,] InverseFromNoise(double[] py, double[,] noise, double[] ps)
    {
        var k = py.Length;
        var inverse = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                inverse[j, i] = noise[i, j] * py[j] / Math.Max(ps[i], Matrices.Tiny);
            }
        }

        return NoiseRates.Clip(inverse);
    }

    /// <summary>compute_noise_matrix_from_inverse: P(given | true) from P(true | given), p(given) and p(y).</summary>
    public static double[,] NoiseFromInverse(double[] ps, double[,] inverse, double[] py)
    {
        var k = ps.Length;
        var noise = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                noise[i, j] = inverse[j, i] * ps[i] / Math.Max(py[j], Matrices.Tiny);
            }
        }

        return NoiseRates.Clip(noise);
    }
}
