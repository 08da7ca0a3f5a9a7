namespace SparkCleanlab.Core.Estimation;

/// <summary>
/// The latent quantities of confident learning: the prior of true labels p(y), the noise
/// matrix P(given = i | true = j) and the inverse noise matrix P(true = i | given = j).
/// </summary>
/// <param name="Priors">p(y = k).</param>
/// <param name="NoiseMatrix">[i, j] = P(given = i | true = j); columns sum to one.</param>
/// <param name="InverseNoiseMatrix">[i, j] = P(true = i | given = j); columns sum to one.</param>
public sealed record LatentEstimate(double[] Priors, double[,] NoiseMatrix, double[,] InverseNoiseMatrix);
