namespace SparkCleanlab.ML.Tests.Support;

/// <summary>
/// sklearn's LogisticRegression objective, minimised by plain gradient descent in double
/// precision: the sum of log losses plus (1 / 2C) times the squared weights, intercepts
/// unpenalised. Two classes fit one weight vector (a sigmoid), as sklearn does; more fit one per
/// class (a softmax). Slow and simple on purpose: it is the yardstick, not the thing measured.
/// </summary>
internal static class PenalisedLogisticRegression
{
    /// <summary>Class probabilities of the fitted model for each row of <paramref name="x"/>, row-major.</summary>
    public static double[] FitAndPredict(float[][] x, int[] labels, int classCount, double inverseC)
    {
        int dimensions = x[0].Length;
        int vectors = classCount == 2 ? 1 : classCount;
        var weights = new double[vectors, dimensions + 1];
        double step = 0.5 / x.Length;
        for (int iteration = 0; iteration < 200_000; iteration++)
        {
            var gradient = new double[vectors, dimensions + 1];
            for (int i = 0; i < x.Length; i++)
            {
                double[] p = Probabilities(weights, x[i], classCount);
                for (int v = 0; v < vectors; v++)
                {
                    int k = classCount == 2 ? 1 : v;
                    double residual = p[k] - (labels[i] == k ? 1 : 0);
                    for (int d = 0; d < dimensions; d++)
                    {
                        gradient[v, d] += residual * x[i][d];
                    }

                    gradient[v, dimensions] += residual;
                }
            }

            double largest = 0;
            for (int v = 0; v < vectors; v++)
            {
                for (int d = 0; d <= dimensions; d++)
                {
                    double g = gradient[v, d] + (d < dimensions ? inverseC * weights[v, d] : 0);
                    weights[v, d] -= step * g;
                    largest = Math.Max(largest, Math.Abs(g));
                }
            }

            if (largest < 1e-9)
            {
                break;
            }
        }

        return x.SelectMany(row => Probabilities(weights, row, classCount)).ToArray();
    }

    private static double[] Probabilities(double[,] weights, float[] row, int classCount)
    {
        int dimensions = row.Length;
        double[] scores = new double[classCount == 2 ? 2 : classCount];
        for (int v = 0; v < weights.GetLength(0); v++)
        {
            double score = weights[v, dimensions];
            for (int d = 0; d < dimensions; d++)
            {
                score += weights[v, d] * row[d];
            }

            scores[classCount == 2 ? 1 : v] = score;
        }

        double max = scores.Max();
        double[] p = scores.Select(s => Math.Exp(s - max)).ToArray();
        double sum = p.Sum();
        return p.Select(e => e / sum).ToArray();
    }
}
