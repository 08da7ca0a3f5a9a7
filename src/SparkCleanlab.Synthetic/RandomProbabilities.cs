namespace SparkCleanlab.Synthetic;

/// <summary>
/// n random probabilities that sum to m, each within [min, max] (the reference's
/// generate_n_rand_probabilities_that_sum_to_m): a flat Dirichlet draw scaled by m, then the
/// extremes pulled inside the bounds.
/// </summary>
internal static class RandomProbabilities
{
    private const double Slack = 1e-6;

    /// <summary>Draws the values.</summary>
    public static double[] SumTo(int n, double m, Random random, double maxProb = 1.0, double minProb = 0.0)
    {
        if (n == 0)
        {
            return [];
        }

        if (maxProb + Slack < m / n)
        {
            throw new ArgumentException($"max_prob must be at least m / n = {m / n}, got {maxProb}.");
        }

        if (minProb > (m + Slack) / n)
        {
            throw new ArgumentException($"min_prob must be at most m / n = {m / n}, got {minProb}.");
        }

        var result = new double[n];
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            result[i] = -Math.Log(1.0 - random.NextDouble());
            total += result[i];
        }

        for (var i = 0; i < n; i++)
        {
            result[i] = result[i] / total * m;
        }

        while (result.Max() > maxProb + Slack)
        {
            var newMin = result.Min() + (result.Max() - maxProb);
            var adjustment = (maxProb - newMin) * random.NextDouble();
            result[Array.IndexOf(result, result.Min())] = newMin + adjustment;
            result[Array.IndexOf(result, result.Max())] = maxProb - adjustment;
        }

        while (result.Min() < minProb - Slack)
        {
            var newMax = result.Max() - (minProb - result.Min());
            var adjustment = (newMax - minProb) * random.NextDouble();
            result[Array.IndexOf(result, result.Max())] = newMax - adjustment;
            result[Array.IndexOf(result, result.Min())] = minProb + adjustment;
        }

        return result;
    }

    /// <summary>N balls in K bins at random, each bin within [min, max] balls (randomly_distribute_N_balls_into_K_bins).</summary>
    public static int[] DistributeBalls(int balls, int bins, int maxPerBin, int minPerBin, Random random)
    {
        if (balls == 0)
        {
            return new int[bins];
        }

        maxPerBin = Math.Min(maxPerBin, balls);
        var min = Math.Min(minPerBin, (double)balls / bins);
        if ((double)balls / bins > maxPerBin)
        {
            balls = maxPerBin * bins;
        }

        var shares = SumTo(bins, 1, random, (double)maxPerBin / balls, min / balls);
        var result = shares.Select(s => (int)Math.Round(s * balls, MidpointRounding.ToEven)).ToArray();
        while (result.Sum() > balls)
        {
            result[Array.IndexOf(result, result.Max())]--;
        }

        while (result.Sum() < balls)
        {
            result[Array.IndexOf(result, result.Min())]++;
        }

        return result;
    }
}
