using System.Numerics;
using System.Runtime.CompilerServices;
using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Core.Selection;

/// <summary>
/// Stage 3, a mergeable state for one round: per window, the bucket counts with min and max
/// (histogram windows) or the rows in range (collect windows). Merging adds counts, takes
/// minima and maxima and concatenates candidates, so any partitioning gives the same result.
/// </summary>
internal sealed class SelectionHistogram
{
    // Every histogram window's buckets back to back, so a row's bucket is one index.
    private readonly SelectionBucket[] _buckets;
    private readonly List<SelectionCandidate>[] _candidates;

    // Stands for the candidates of every histogram window, which never gets any.
    private static readonly List<SelectionCandidate> NoCandidates = [];

    /// <summary>An empty state for a round.</summary>
    public SelectionHistogram(SelectionRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        Round = round;
        _buckets = new SelectionBucket[round.BucketTotal];
        _buckets.AsSpan().Fill(SelectionBucket.Empty);
        // Only collect windows keep rows; a round of a million histogram windows needs no million empty lists.
        _candidates = new List<SelectionCandidate>[round.Windows.Count];
        for (var w = 0; w < round.Windows.Count; w++)
        {
            _candidates[w] = round.Windows[w].Mode == WindowMode.Collect ? [] : NoCandidates;
        }
    }

    /// <summary>The round this state belongs to.</summary>
    public SelectionRound Round { get; }

    /// <summary>The buckets of a histogram window.</summary>
    internal ReadOnlySpan<SelectionBucket> Buckets(int window) => WindowBuckets(window);

    /// <summary>The rows kept by a collect window, in no particular order.</summary>
    public IReadOnlyList<SelectionCandidate> Candidates(int window) => _candidates[window];

    /// <summary>Sets one bucket from an aggregate computed elsewhere (a Spark <c>groupBy(window, bucket)</c>).</summary>
    public void SetBucket(int window, int bucket, long count, double min, double max) =>
        WindowBuckets(window)[bucket] = new SelectionBucket { Count = count, Min = min, Max = max };

    /// <summary>Adds a row kept elsewhere (a Spark collect of a collect window's keys).</summary>
    public void AddCandidate(int window, SelectionCandidate candidate)
    {
        var candidates = _candidates[window];
        if (ReferenceEquals(candidates, NoCandidates))
        {
            throw new ArgumentException($"Window {window} is a histogram window; only collect windows keep rows.", nameof(window));
        }

        candidates.Add(candidate);
    }

    /// <summary>Adds the rows of a batch.</summary>
    public void Add(RowBatch batch)
    {
        Span<double> keys = stackalloc double[batch.ClassCount];
        Span<long> slots = stackalloc long[batch.ClassCount];
        for (var i = 0; i < batch.Count; i++)
        {
            AddRow(batch, i, keys, slots);
        }
    }

    /// <summary>
    /// Adds the rows of <paramref name="batch"/> at <paramref name="rows"/> (indices into the batch). With
    /// <see cref="WindowsAreClassOwned"/>, rows of one label touch only that label's windows, so callers may add
    /// rows of different labels into one shared state from several threads at once, one thread per label.
    /// </summary>
    public void Add(RowBatch batch, ReadOnlySpan<int> rows)
    {
        Span<double> keys = stackalloc double[batch.ClassCount];
        Span<long> slots = stackalloc long[batch.ClassCount];
        foreach (var i in rows)
        {
            AddRow(batch, i, keys, slots);
        }
    }

    /// <summary>True when every window of the round belongs to one given class (no window spans all rows).</summary>
    public bool WindowsAreClassOwned => Round.Windows.All(w => w.Group.GivenClass >= 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddRow(RowBatch batch, int i, Span<double> keys, Span<long> slots)
    {
        var k = batch.ClassCount;
        var label = batch.Labels[i];
        var row = batch.Probabilities.Slice(i * k, k);
        var position = batch.FirstPosition + i;
        if (Round.LanesFor(label) is { } lanes)
        {
            AddLanes(lanes, lanes.Evaluate(row, label, keys, slots), keys, slots, position);
        }

        foreach (var w in Round.OtherWindowsFor(label))
        {
            AddToWindow(w, row, label, position);
        }
    }

    /// <summary>Adds another state of the same round into this one.</summary>
    public void Merge(SelectionHistogram other)
    {
        if (!ReferenceEquals(other.Round, Round))
        {
            throw new ArgumentException("Only states of the same round can merge.", nameof(other));
        }

        var mine = _buckets;
        var theirs = other._buckets;
        for (var b = 0; b < mine.Length; b++)
        {
            mine[b].Merge(theirs[b]);
        }

        for (var w = 0; w < _candidates.Length; w++)
        {
            _candidates[w].AddRange(other._candidates[w]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddLanes(MarginLanes lanes, ulong taken, ReadOnlySpan<double> keys, ReadOnlySpan<long> slots, long position)
    {
        var collect = taken & lanes.CollectMask;
        for (var histogram = taken & ~collect; histogram != 0; histogram &= histogram - 1)
        {
            var j = BitOperations.TrailingZeroCount(histogram);
            _buckets[slots[j]].Add(keys[j]);
        }

        for (; collect != 0; collect &= collect - 1)
        {
            var j = BitOperations.TrailingZeroCount(collect);
            _candidates[lanes.Window[j]].Add(new SelectionCandidate(keys[j], position));
        }
    }

    private void AddToWindow(int w, ReadOnlySpan<double> row, int label, long position)
    {
        var window = Round.WindowArray[w];
        var key = SelectionKeys.Of(window.Group.Kind, window.Group.OtherClass, row, label);
        if (!window.TryGetX(key, position, out var x))
        {
            return;
        }

        if (window.Mode == WindowMode.Collect)
        {
            _candidates[w].Add(new SelectionCandidate(key, position));
        }
        else
        {
            WindowBuckets(w)[window.BucketOf(x)].Add(x);
        }
    }

    private Span<SelectionBucket> WindowBuckets(int window) => _buckets.AsSpan(Round.BucketRange(window));
}
