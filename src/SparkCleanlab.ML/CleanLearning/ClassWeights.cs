namespace SparkCleanlab.ML.CleanLearning;

/// <summary>Per-class sample weights from the noise matrix, as the reference's CleanLearning.fit computes them.</summary>
internal static class ClassWeights
{
    /// <summary>The reference clips P(given=k | true=k) below at 1e-3 so a near-zero diagonal cannot explode a weight.</summary>
    private const double MinimumDiagonal = 1e-3;

    public static double[] FromNoiseMatrix(double[,] noiseMatrix)
    {
        var weights = new double[noiseMatrix.GetLength(0)];
        for (int k = 0; k < weights.Length; k++)
        {
            weights[k] = 1.0 / Math.Max(noiseMatrix[k, k], MinimumDiagonal);
        }

        return weights;
    }

    public static double[] Uniform(int classCount) => Enumerable.Repeat(1.0, classCount).ToArray();
}
