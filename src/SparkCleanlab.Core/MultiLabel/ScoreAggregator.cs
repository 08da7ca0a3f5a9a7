namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// Aggregates a row's per-class label quality scores into one (the reference's Aggregator in
/// multilabel_scorer). The default is the exponential moving average with alpha 0.8.
/// </summary>
public sealed record ScoreAggregator
{
    /// <summary>The reference's default forgetting factor.</summary>
    public const double DefaultAlpha = 0.8;

    private ScoreAggregator(ScoreAggregation method, double? alpha)
    {
        Method = method;
        Alpha = alpha;
    }

    /// <summary>The exponential moving average with alpha 0.8: the reference's default.</summary>
    public static ScoreAggregator Default { get; } = new(ScoreAggregation.ExponentialMovingAverage, DefaultAlpha);

    /// <summary>The largest per-class score.</summary>
    public static ScoreAggregator Maximum { get; } = new(ScoreAggregation.Maximum, null);

    /// <summary>The aggregation.</summary>
    public ScoreAggregation Method { get; }

    /// <summary>The moving average's alpha, or null for 2 / (K + 1) (the reference when no alpha is given).</summary>
    public double? Alpha { get; }

    /// <summary>The exponential moving average with this alpha, in [0, 1]; null means 2 / (K + 1).</summary>
    /// <exception cref="ArgumentException">Alpha is outside [0, 1].</exception>
    public static ScoreAggregator ExponentialMovingAverage(double? alpha = DefaultAlpha)
    {
        if (alpha is { } a && !(a >= 0 && a <= 1))
        {
            throw new ArgumentException($"alpha must be in the interval [0, 1], got {a}.", nameof(alpha));
        }

        return new ScoreAggregator(ScoreAggregation.ExponentialMovingAverage, alpha);
    }

    /// <summary>Aggregates one row's per-class scores; <paramref name="scores"/> is reordered.</summary>
    internal double Aggregate(Span<double> scores)
    {
        if (Method == ScoreAggregation.Maximum)
        {
            var max = scores[0];
            for (var j = 1; j < scores.Length; j++)
            {
                max = Math.Max(max, scores[j]);
            }

            return max;
        }

        // Ascending here, then read from the end: the reference's descending sort (scores have no NaN).
        scores.Sort();
        var alpha = Alpha ?? 2.0 / (scores.Length + 1);
        var ema = scores[^1];
        for (var j = scores.Length - 2; j >= 0; j--)
        {
            ema = (alpha * scores[j]) + ((1 - alpha) * ema);
        }

        return ema;
    }
}
