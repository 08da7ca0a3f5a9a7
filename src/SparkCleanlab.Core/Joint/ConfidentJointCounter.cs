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
        CheckClasses(batch);
        var (issues, mispredictions) = (0L, 0L);
        for (var i = 0; i < batch.Count; i++)
        {
            AddRow(batch, i, ref issues, ref mispredictions);
        }

        _offDiagonalIssues += issues;
        _confidentMispredictions += mispredictions;
    }

    /// <summary>
    /// Adds the rows of <paramref name="batch"/> at <paramref name="rows"/> (indices into the batch). A row
    /// counts only in its given label's row of the joint and the totals add atomically, so several threads may
    /// add into one shared state at once as long as no two add rows of the same label at the same time.
    /// </summary>
    public void Add(RowBatch batch, ReadOnlySpan<int> rows)
    {
        CheckClasses(batch);
        var (issues, mispredictions) = (0L, 0L);
        foreach (var i in rows)
        {
            AddRow(batch, i, ref issues, ref mispredictions);
        }

        Interlocked.Add(ref _offDiagonalIssues, issues);
        Interlocked.Add(ref _confidentMispredictions, mispredictions);
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

    private void CheckClasses(RowBatch batch)
    {
        if (batch.ClassCount != ClassCount)
        {
            throw new ArgumentException($"State has {ClassCount} classes, input has {batch.ClassCount}.", nameof(batch));
        }
    }

    private void AddRow(RowBatch batch, int i, ref long issues, ref long mispredictions)
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

        var guess = ConfidentGuess.Of(row, _cuts);
        if (guess == ConfidentGuess.None)
        {
            return;
        }

        _counts[(given * ClassCount) + guess]++;
        if (guess != given && !RowMath.GivenWinsWithSlack(row, given))
        {
            issues++;
        }
    }
}
