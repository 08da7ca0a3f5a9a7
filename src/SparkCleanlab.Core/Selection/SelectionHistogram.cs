using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Core.Selection;

/// <summary>
/// Stage 3, a mergeable state for one round: per window, the bucket counts with min and max
/// (histogram windows) or the rows in range (collect windows). Merging adds counts, takes
/// minima and maxima and concatenates candidates, so any partitioning gives the same result.
/// </summary>
public sealed class SelectionHistogram
{
    private readonly SelectionBucket[][] _buckets;
    private readonly List<SelectionCandidate>[] _candidates;

    /// <summary>An empty state for a round.</summary>
    public SelectionHistogram(SelectionRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        Round = round;
        _buckets = new SelectionBucket[round.Windows.Count][];
        _candidates = new List<SelectionCandidate>[round.Windows.Count];
        for (var w = 0; w < round.Windows.Count; w++)
        {
            var window = round.Windows[w];
            if (window.Mode == WindowMode.Collect)
            {
                _candidates[w] = [];
                _buckets[w] = [];
            }
            else
            {
                _buckets[w] = new SelectionBucket[window.BucketCount];
                _buckets[w].AsSpan().Fill(SelectionBucket.Empty);
                _candidates[w] = [];
            }
        }
    }

    /// <summary>The round this state belongs to.</summary>
    public SelectionRound Round { get; }

    /// <summary>The buckets of a histogram window.</summary>
    public ReadOnlySpan<SelectionBucket> Buckets(int window) => _buckets[window];

    /// <summary>The rows kept by a collect window, in no particular order.</summary>
    public IReadOnlyList<SelectionCandidate> Candidates(int window) => _candidates[window];

    /// <summary>Sets one bucket from an aggregate computed elsewhere (a Spark <c>groupBy(window, bucket)</c>).</summary>
    public void SetBucket(int window, int bucket, long count, double min, double max) =>
        _buckets[window][bucket] = new SelectionBucket { Count = count, Min = min, Max = max };

    /// <summary>Adds a row kept elsewhere (a Spark collect of a collect window's keys).</summary>
    public void AddCandidate(int window, SelectionCandidate candidate) => _candidates[window].Add(candidate);

    /// <summary>Adds the rows of a batch.</summary>
    public void Add(RowBatch batch)
    {
        var all = Round.WindowArray;
        var k = batch.ClassCount;
        var labels = batch.Labels;
        var probabilities = batch.Probabilities;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            var windows = Round.WindowsFor(label);
            if (windows.IsEmpty)
            {
                continue;
            }

            var row = probabilities.Slice(i * k, k);
            var position = batch.FirstPosition + i;
            foreach (var w in windows)
            {
                var window = all[w];
                var key = SelectionKeys.Of(window.Group.Kind, window.Group.OtherClass, row, label);
                if (!window.TryGetX(key, position, out var x))
                {
                    continue;
                }

                if (window.Mode == WindowMode.Collect)
                {
                    _candidates[w].Add(new SelectionCandidate(key, position));
                }
                else
                {
                    _buckets[w][window.BucketOf(x)].Add(x);
                }
            }
        }
    }

    /// <summary>Adds another state of the same round into this one.</summary>
    public void Merge(SelectionHistogram other)
    {
        if (!ReferenceEquals(other.Round, Round))
        {
            throw new ArgumentException("Only states of the same round can merge.", nameof(other));
        }

        for (var w = 0; w < _buckets.Length; w++)
        {
            var mine = _buckets[w];
            var theirs = other._buckets[w];
            for (var b = 0; b < mine.Length; b++)
            {
                mine[b].Merge(theirs[b]);
            }

            _candidates[w].AddRange(other._candidates[w]);
        }
    }
}
