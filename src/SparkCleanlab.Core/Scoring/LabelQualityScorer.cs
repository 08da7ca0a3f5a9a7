using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Core.Scoring;

/// <summary>
/// Per-row label quality scores of the reference (get_label_quality_scores): higher means the
/// given label is more likely right. Optionally on probabilities adjusted by the class
/// thresholds: p - t + max(t), renormalised.
/// </summary>
public sealed class LabelQualityScorer
{
    private const double ClippingLowerBound = 1e-6;
    private readonly double[]? _thresholds;
    private readonly double _maxThreshold;

    /// <summary>A scorer for one method; <paramref name="adjustWith"/> turns on adjusted probabilities.</summary>
    public LabelQualityScorer(RankingMethod method, ClassThresholds? adjustWith = null)
    {
        if (adjustWith is not null && method == RankingMethod.ConfidenceWeightedEntropy)
        {
            throw new ArgumentException("Adjusted probabilities are not supported for confidence_weighted_entropy.", nameof(adjustWith));
        }

        Method = method;
        _thresholds = adjustWith?.ToArray();
        _maxThreshold = _thresholds is null ? 0 : _thresholds.Max();
    }

    /// <summary>The scoring method.</summary>
    public RankingMethod Method { get; }

    /// <summary>True when scores use threshold-adjusted probabilities.</summary>
    public bool IsAdjusted => _thresholds is not null;

    /// <summary>Scores one row; <paramref name="scratch"/> must hold K values when adjusted.</summary>
    public double Score(ReadOnlySpan<double> row, int given, Span<double> scratch)
    {
        if (_thresholds is not null)
        {
            var adjusted = scratch[..row.Length];
            for (var j = 0; j < row.Length; j++)
            {
                adjusted[j] = (row[j] - _thresholds[j]) + _maxThreshold;
            }

            var sum = PairwiseSum.Of(adjusted);
            for (var j = 0; j < row.Length; j++)
            {
                adjusted[j] /= sum;
            }

            row = adjusted;
        }

        return Method switch
        {
            RankingMethod.SelfConfidence => row[given],
            RankingMethod.NormalizedMargin => NormalizedMargin(row, given),
            _ => ConfidenceWeightedEntropy(row, given, scratch),
        };
    }

    /// <summary>(p[given] - max other p + 1) / 2.</summary>
    public static double NormalizedMargin(ReadOnlySpan<double> row, int given) =>
        (row[given] - RowMath.MaxOther(row, given) + 1) / 2;

    /// <summary>
    /// Confidence-weighted entropy: with e = (normalized entropy) / max(p[given], 1e-6),
    /// log(e + 1) / max(e, 1e-6).
    /// </summary>
    public static double ConfidenceWeightedEntropy(ReadOnlySpan<double> row, int given, Span<double> scratch)
    {
        var terms = scratch[..row.Length];
        for (var j = 0; j < row.Length; j++)
        {
            var p = row[j];
            terms[j] = p == 0 ? 0 : p * Math.Log(p);
        }

        var entropy = -PairwiseSum.Of(terms) / Math.Log(row.Length);
        var selfConfidence = Math.Max(row[given], ClippingLowerBound);
        var score = entropy / selfConfidence;
        var clipped = Math.Max(score, ClippingLowerBound);
        return Math.Log(score + 1) / clipped;
    }
}
