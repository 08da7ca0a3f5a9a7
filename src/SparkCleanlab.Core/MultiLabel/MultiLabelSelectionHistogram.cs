using System.Buffers;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// Stage 3 of the multi-label plan, a mergeable state for one pass: the single-label
/// <see cref="SelectionHistogram"/> of each class whose plan has a round, fed that class's
/// binary rows, and the row-level one, fed each row's aggregated score as a one-class row.
/// </summary>
internal sealed class MultiLabelSelectionHistogram
{
    // Rows scored at once for the row-level histogram.
    private const int ScoreChunk = 1024;

    private readonly SelectionHistogram?[] _classes;
    private readonly int[] _active;
    private readonly MultiLabelScorer? _rowScorer;

    /// <summary>An empty state for the given rounds (null where a plan is resolved).</summary>
    public MultiLabelSelectionHistogram(SelectionRound?[] classRounds, SelectionRound? rowRound, MultiLabelScorer? rowScorer)
    {
        _classes = classRounds.Select(r => r is null ? null : new SelectionHistogram(r)).ToArray();
        _active = Enumerable.Range(0, classRounds.Length).Where(k => classRounds[k] is not null).ToArray();
        ForRows = rowRound is null ? null : new SelectionHistogram(rowRound);
        _rowScorer = rowScorer;
    }

    /// <summary>The state of class <paramref name="k"/>'s round, or null when its plan is resolved.</summary>
    public SelectionHistogram? ForClass(int k) => _classes[k];

    /// <summary>The state of the row-level round, or null.</summary>
    public SelectionHistogram? ForRows { get; }

    /// <summary>Adds the rows of a batch.</summary>
    public void Add(MultiLabelBatch batch)
    {
        if (_active.Length > 0)
        {
            OneVsRest.ForClasses(batch, _active, (k, binary) => _classes[k]!.Add(binary));
        }

        if (ForRows is not null)
        {
            AddScores(batch, ForRows, _rowScorer!);
        }
    }

    /// <summary>Adds another state of the same pass into this one.</summary>
    public void Merge(MultiLabelSelectionHistogram other)
    {
        foreach (var k in _active)
        {
            _classes[k]!.Merge(other._classes[k]!);
        }

        ForRows?.Merge(other.ForRows!);
    }

    private static void AddScores(MultiLabelBatch batch, SelectionHistogram histogram, MultiLabelScorer scorer)
    {
        var k = batch.ClassCount;
        var scores = ArrayPool<double>.Shared.Rent(ScoreChunk);
        var labels = ArrayPool<int>.Shared.Rent(ScoreChunk);
        var classScores = ArrayPool<double>.Shared.Rent(2 * k);
        try
        {
            // One-class rows: every label is class 0, and the only probability is the key.
            Array.Clear(labels, 0, ScoreChunk);
            for (var offset = 0; offset < batch.Count; offset += ScoreChunk)
            {
                var chunk = batch.Slice(offset, Math.Min(ScoreChunk, batch.Count - offset));
                for (var i = 0; i < chunk.Count; i++)
                {
                    scores[i] = scorer.Score(chunk.Row(i), chunk.GivenRow(i), classScores.AsSpan(0, k), classScores.AsSpan(k, k));
                }

                histogram.Add(new RowBatch(labels.AsSpan(0, chunk.Count), scores.AsSpan(0, chunk.Count), 1, chunk.FirstPosition));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(labels);
            ArrayPool<double>.Shared.Return(classScores);
        }
    }
}
