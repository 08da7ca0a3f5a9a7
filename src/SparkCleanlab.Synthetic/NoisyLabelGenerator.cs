namespace SparkCleanlab.Synthetic;

/// <summary>
/// Flips true labels according to a noise matrix (the reference's generate_noisy_labels): for
/// each true class j exactly floor(n * p(true = j) * P(given = i | true = j)) rows become i,
/// chosen at random among the rows of class j. Seeded and deterministic.
/// </summary>
public static class NoisyLabelGenerator
{
    /// <summary>The noisy labels.</summary>
    public static int[] Generate(int[] trueLabels, double[,] noiseMatrix, int seed)
    {
        var k = noiseMatrix.GetLength(0);
        var n = trueLabels.Length;
        var random = new Random(seed);
        var labels = (int[])trueLabels.Clone();
        var counts = new long[k];
        foreach (var t in trueLabels)
        {
            counts[t]++;
        }

        for (var j = 0; j < k; j++)
        {
            var flips = new List<int>();
            for (var i = 0; i < k; i++)
            {
                if (i != j)
                {
                    var count = (long)(noiseMatrix[i, j] * ((double)counts[j] / n) * n);
                    for (var c = 0; c < count; c++)
                    {
                        flips.Add(i);
                    }
                }
            }

            var candidates = Enumerable.Range(0, n).Where(r => trueLabels[r] == j).ToArray();
            if (flips.Count == 0 || candidates.Length < flips.Count)
            {
                continue;
            }

            random.Shuffle(candidates);
            for (var f = 0; f < flips.Count; f++)
            {
                labels[candidates[f]] = flips[f];
            }
        }

        return labels;
    }
}
