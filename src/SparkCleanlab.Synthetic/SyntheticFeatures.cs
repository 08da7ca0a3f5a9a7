namespace SparkCleanlab.Synthetic;

/// <summary>
/// Informative numeric features for synthetic rows: each feature is its true class's mean plus standard Gaussian
/// noise, so a model can learn the true class from them (and the noisy given labels are what it must see through).
/// Row r depends only on the seed, r and its true label, so any size streams in chunks.
/// </summary>
internal sealed class SyntheticFeatures
{
    // Class means one to two standard deviations apart: learnable, yet not separable by any single feature.
    private const double MeanSpread = 1.5;

    // Keeps the feature stream independent of the label and probability stream of the same seed and row.
    private const int StreamSalt = 0x5EED_F00D;

    private readonly double[,] _means;
    private readonly int _seed;

    /// <summary>Prepares <paramref name="featureCount"/> features for <paramref name="classCount"/> classes.</summary>
    public SyntheticFeatures(int classCount, int featureCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        FeatureCount = featureCount;
        _seed = seed ^ StreamSalt;
        _means = new double[classCount, featureCount];
        var random = new SplitMix64(_seed, -1);
        for (var c = 0; c < classCount; c++)
        {
            for (var f = 0; f < featureCount; f++)
            {
                _means[c, f] = MeanSpread * Gaussian(ref random);
            }
        }
    }

    /// <summary>Features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>Fills the features of rows <paramref name="firstRow"/>.. (row-major, <see cref="FeatureCount"/> per row) from their true labels.</summary>
    public void Fill(long firstRow, ReadOnlySpan<int> trueLabels, Span<float> features)
    {
        for (var r = 0; r < trueLabels.Length; r++)
        {
            var random = new SplitMix64(_seed, firstRow + r);
            for (var f = 0; f < FeatureCount; f++)
            {
                features[r * FeatureCount + f] = (float)(_means[trueLabels[r], f] + Gaussian(ref random));
            }
        }
    }

    private static double Gaussian(ref SplitMix64 random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
