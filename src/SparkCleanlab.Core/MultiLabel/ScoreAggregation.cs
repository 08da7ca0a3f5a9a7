namespace SparkCleanlab.Core.MultiLabel;

/// <summary>How the per-class label quality scores of a row become one score.</summary>
public enum ScoreAggregation
{
    /// <summary>
    /// The reference's exponential_moving_average: scores sorted descending, then
    /// <c>ema = alpha * s + (1 - alpha) * ema</c> from the largest to the smallest.
    /// </summary>
    ExponentialMovingAverage,

    /// <summary>The largest per-class score (the reference with <c>np.max</c> as the aggregator).</summary>
    Maximum,
}
