using SparkCleanlab.Synthetic;

namespace SparkCleanlab.ML.Bench;

/// <summary>
/// New noisy labels drawn from the true labels at a chosen noise level. By default as the
/// reference's benchmarks make them: a noise matrix with trace K * (1 - fraction)
/// (generate_noise_matrix_from_trace, checked learnable against the true-label prior), then
/// exactly that many flips per class (generate_noisy_labels). Uniform noise instead flips the
/// same fraction of every class, spread evenly over the other classes: the other common way
/// such figures are made. Lets the bench run at the noise levels the reference's figures were measured at.
/// </summary>
internal static class InjectedNoise
{
    /// <summary>Noisy labels for <paramref name="trueLabels"/> with about <paramref name="fraction"/> of them flipped, seeded.</summary>
    public static int[] Draw(int[] trueLabels, int classCount, double fraction, int seed, bool uniform)
    {
        if (!(fraction > 0 && fraction < 1 - 1.0 / classCount))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"With {classCount} classes the noise must be in (0, {1 - 1.0 / classCount:0.###}) to stay learnable.");
        }

        double[,] noiseMatrix = uniform ? Uniform(classCount, fraction) : FromTrace(trueLabels, classCount, fraction, seed);
        return NoisyLabelGenerator.Generate(trueLabels, noiseMatrix, seed);
    }

    private static double[,] FromTrace(int[] trueLabels, int classCount, double fraction, int seed)
    {
        double[] priors = new double[classCount];
        foreach (int label in trueLabels)
        {
            priors[label] += 1.0 / trueLabels.Length;
        }

        return NoiseMatrixGenerator.FromTrace(classCount, classCount * (1 - fraction), priors, seed: seed)
            ?? throw new InvalidOperationException($"No learnable noise matrix with {fraction:P0} noise over {classCount} classes was found.");
    }

    private static double[,] Uniform(int classCount, double fraction)
    {
        var noiseMatrix = new double[classCount, classCount];
        for (int given = 0; given < classCount; given++)
        {
            for (int truth = 0; truth < classCount; truth++)
            {
                noiseMatrix[given, truth] = given == truth ? 1 - fraction : fraction / (classCount - 1);
            }
        }

        return noiseMatrix;
    }
}
