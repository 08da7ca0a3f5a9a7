using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Core.Joint;

/// <summary>
/// Stage 2, a mergeable state: the raw confident joint C[given, guess] (before the diagonal is
/// clipped to at least one), and the number of off-diagonal rows that survive the reference's
/// final un-flagging (num_label_issues, method off_diagonal).
/// </summary>
internal sealed class ConfidentJointCounter
{
    private readonly long[] _counts;
    private readonly double[] _cuts;
    private readonly double[]? _predictionCuts;
    private long _offDiagonalIssues;
    private long _confidentMispredictions;

    /// <summary>An empty state that guesses with the given thresholds.</summary>
    /// <param name="thresholds">The class thresholds of stage 1.</param>
    /// <param name="countConfidentMispredictions">Also count <see cref="ConfidentMispredictions"/> (low_self_confidence_batched needs it).</param>
    public ConfidentJointCounter(ClassThresholds thresholds, bool countConfidentMispredictions = false)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ClassCount = thresholds.ClassCount;
        _cuts = thresholds.ConfidenceCuts();
        _counts = new long[ClassCount * ClassCount];
        if (countConfidentMispredictions)
        {
            // The reference's batched path averages thresholds over the rows seen, so a class
            // never given ends at the lower bound, not at the unreachable 2.0.
            _predictionCuts = thresholds.Values.ToArray()
                .Select(t => (t == ClassThresholds.NeverGiven ? ClassThresholds.LowerBound : t) - RowMath.FloatingPointComparison)
                .ToArray();
        }
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>Raw counts, row-major: <c>[given * K + guess]</c>.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>Rows off the diagonal whose given label does not win the argmax with 1e-6 slack.</summary>
    public long OffDiagonalIssues => _offDiagonalIssues;

    /// <summary>
    /// Rows whose argmax prediction differs from the given label and reaches its threshold less
    /// 1e-6: the issue count of the reference's find_label_issues_batched. Zero unless asked for.
    /// </summary>
    public long ConfidentMispredictions => _confidentMispredictions;

    /// <summary>Builds the state from aggregates computed elsewhere (a Spark <c>groupBy(given, guess)</c>).</summary>
    public static ConfidentJointCounter FromAggregates(ClassThresholds thresholds, ReadOnlySpan<long> counts, long offDiagonalIssues)
    {
        var state = new ConfidentJointCounter(thresholds);
        if (counts.Length != state._counts.Length)
        {
            throw new ArgumentException($"Expected {state._counts.Length} counts (K x K), got {counts.Length}.", nameof(counts));
        }

        counts.CopyTo(state._counts);
        state._offDiagonalIssues = offDiagonalIssues;
        return state;
    }

    /// <summary>Adds the rows of a batch.</summary>
    public void Add(RowBatch batch)
    {
        if (batch.ClassCount != ClassCount)
        {
            throw new ArgumentException($"State has {ClassCount} classes, input has {batch.ClassCount}.", nameof(batch));
        }

        var cuts = _cuts.AsSpan();
        var counts = _counts.AsSpan();
        var k = ClassCount;
        long issues = 0;
        long mispredictions = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch.Row(i);
            var given = batch.Labels[i];
            if (_predictionCuts is not null)
            {
                var predicted = RowMath.ArgMax(row);
                if (predicted != given && row[predicted] >= _predictionCuts[predicted])
                {
                    mispredictions++;
                }
            }

            var guess = ConfidentGuess.Of(row, cuts);
            if (guess == ConfidentGuess.None)
            {
                continue;
            }

            counts[(given * k) + guess]++;
            if (guess != given && !RowMath.GivenWinsWithSlack(row, given))
            {
                issues++;
            }
        }

        _offDiagonalIssues += issues;
        _confidentMispredictions += mispredictions;
    }

    /// <summary>Adds another state into this one.</summary>
    public void Merge(ConfidentJointCounter other)
    {
        if (other.ClassCount != ClassCount)
        {
            throw new ArgumentException($"State has {ClassCount} classes, other has {other.ClassCount}.", nameof(other));
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        _offDiagonalIssues += other._offDiagonalIssues;
        _confidentMispredictions += other._confidentMispredictions;
    }
}
