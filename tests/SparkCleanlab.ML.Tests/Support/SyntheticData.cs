namespace SparkCleanlab.ML.Tests.Support;

/// <summary>Small Gaussian blobs: class k's mean is 2 on feature k (mod D), 0 elsewhere.</summary>
internal static class SyntheticData
{
    public static (float[][] Features, int[] Labels) Blobs(int rows, int classCount, int dimensions, int seed)
    {
        var random = new Random(seed);
        var features = new float[rows][];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            labels[i] = i % classCount;
            features[i] = new float[dimensions];
            for (int j = 0; j < dimensions; j++)
            {
                double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                features[i][j] = (float)(gaussian + (j == labels[i] % dimensions ? 2 : 0));
            }
        }

        return (features, labels);
    }
}
