using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// The reference's MultilabelScorer: each class's single-label score on its one-vs-rest row
/// <c>[1 - p[k], p[k]]</c> with the binary label, then the row's K scores aggregated. A row's
/// score depends on that row alone (and, when adjusted, on the broadcast binary thresholds).
/// </summary>
internal sealed class MultiLabelScorer
{
    private readonly LabelQualityScorer[] _classes;
    private readonly ScoreAggregator _aggregator;

    /// <summary>A scorer for K classes; <paramref name="adjustWith"/> (one binary threshold set per class) turns on adjusted probabilities.</summary>
    public MultiLabelScorer(int classCount, RankingMethod method, ScoreAggregator aggregator, ClassThresholds[]? adjustWith = null)
    {
        _classes = new LabelQualityScorer[classCount];
        for (var k = 0; k < classCount; k++)
        {
            _classes[k] = new LabelQualityScorer(method, adjustWith?[k]);
        }

        _aggregator = aggregator;
    }

    /// <summary>
    /// Scores one row: its per-class scores into <paramref name="classScores"/> (K values), and
    /// their aggregate as the result. <paramref name="scratch"/> holds K values and is overwritten.
    /// </summary>
    public double Score(ReadOnlySpan<double> row, ReadOnlySpan<bool> given, Span<double> classScores, Span<double> scratch)
    {
        Span<double> binary = stackalloc double[OneVsRest.BinaryClassCount];
        Span<double> binaryScratch = stackalloc double[OneVsRest.BinaryClassCount];
        for (var k = 0; k < row.Length; k++)
        {
            var p = row[k];
            binary[0] = 1 - p;
            binary[1] = p;
            classScores[k] = _classes[k].Score(binary, given[k] ? 1 : 0, binaryScratch);
        }

        var copy = scratch[..row.Length];
        classScores[..row.Length].CopyTo(copy);
        return _aggregator.Aggregate(copy);
    }
}
