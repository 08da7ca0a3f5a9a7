using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Core.Statistics;

/// <summary>
/// Stage 1, a mergeable state: per given class k, the row count and the exact sum of p[k]
/// over rows labeled k. From it come the per-class confident thresholds and label counts.
/// </summary>
internal sealed class ClassStatistics
{
    private readonly long[] _counts;
    private readonly Int128[] _selfConfidenceUnits;

    /// <summary>An empty state for K classes.</summary>
    public ClassStatistics(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        _counts = new long[classCount];
        _selfConfidenceUnits = new Int128[classCount];
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount => _counts.Length;

    /// <summary>Rows per given class.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>Fixed-point sums (see <see cref="FixedPoint"/>) of p[k] over rows labeled k.</summary>
    public ReadOnlySpan<Int128> SelfConfidenceUnits => _selfConfidenceUnits;

    /// <summary>Total rows seen.</summary>
    public long RowCount
    {
        get
        {
            long n = 0;
            foreach (var c in _counts)
            {
                n += c;
            }

            return n;
        }
    }

    /// <summary>Builds the state from aggregates computed elsewhere (a Spark <c>groupBy(label)</c>).</summary>
    public static ClassStatistics FromAggregates(ReadOnlySpan<long> counts, ReadOnlySpan<Int128> selfConfidenceUnits)
    {
        if (counts.Length != selfConfidenceUnits.Length)
        {
            throw new ArgumentException("Counts and sums must have one entry per class.", nameof(selfConfidenceUnits));
        }

        var state = new ClassStatistics(counts.Length);
        counts.CopyTo(state._counts);
        selfConfidenceUnits.CopyTo(state._selfConfidenceUnits);
        return state;
    }

    /// <summary>Adds the rows of a batch.</summary>
    public void Add(RowBatch batch)
    {
        CheckClassCount(batch.ClassCount);
        var labels = batch.Labels;
        var probabilities = batch.Probabilities;
        var k = batch.ClassCount;
        var counts = _counts;
        var sums = _selfConfidenceUnits;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            counts[label]++;
            sums[label] += FixedPoint.ToUnits(probabilities[(i * k) + label]);
        }
    }

    /// <summary>Adds another state into this one.</summary>
    public void Merge(ClassStatistics other)
    {
        CheckClassCount(other.ClassCount);
        for (var k = 0; k < _counts.Length; k++)
        {
            _counts[k] += other._counts[k];
            _selfConfidenceUnits[k] += other._selfConfidenceUnits[k];
        }
    }

    /// <summary>The per-class confident thresholds of the reference (get_confident_thresholds).</summary>
    public ClassThresholds ToThresholds()
    {
        var values = new double[ClassCount];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = _counts[k] == 0
                ? ClassThresholds.NeverGiven
                : Math.Max(FixedPoint.Mean(_selfConfidenceUnits[k], _counts[k]), ClassThresholds.LowerBound);
        }

        return new ClassThresholds(values);
    }

    private void CheckClassCount(int classCount)
    {
        if (classCount != ClassCount)
        {
            throw new ArgumentException($"State has {ClassCount} classes, input has {classCount}.");
        }
    }
}
