using System.Buffers;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// Stage 2 of the multi-label plan, a mergeable state: the single-label
/// <see cref="ConfidentJointCounter"/> of each class's one-vs-rest problem (its 2 x 2 confident
/// joint), and the rows that confident_learning flags for at least one class: the issue count
/// of the reference's multi-label low_self_confidence and low_normalized_margin.
/// </summary>
internal sealed class MultiLabelJointCounter
{
    private readonly ConfidentJointCounter[] _classes;
    private readonly double[][] _cuts;
    private long _rowsWithConfidentIssue;

    /// <summary>An empty state that guesses with the binary thresholds of stage 1.</summary>
    public MultiLabelJointCounter(ClassThresholds[] thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        _classes = thresholds.Select(t => new ConfidentJointCounter(t)).ToArray();
        _cuts = thresholds.Select(t => t.ConfidenceCuts()).ToArray();
    }

    /// <summary>
    /// Builds the state from aggregates computed elsewhere (a Spark <c>groupBy(class, given, guess)</c>):
    /// each class's binary counter and the rows with an off-diagonal issue in some class.
    /// </summary>
    public static MultiLabelJointCounter FromAggregates(ClassThresholds[] thresholds, IReadOnlyList<ConfidentJointCounter> classes, long rowsWithConfidentIssue)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var state = new MultiLabelJointCounter(thresholds);
        if (classes.Count != state.ClassCount)
        {
            throw new ArgumentException($"Expected {state.ClassCount} class counters, got {classes.Count}.", nameof(classes));
        }

        for (var k = 0; k < classes.Count; k++)
        {
            state._classes[k].Merge(classes[k]);
        }

        state._rowsWithConfidentIssue = rowsWithConfidentIssue;
        return state;
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount => _classes.Length;

    /// <summary>The binary state of class <paramref name="k"/>.</summary>
    public ConfidentJointCounter this[int k] => _classes[k];

    /// <summary>Rows that are an off-diagonal issue of some class's joint (the multi-label confident_learning mask).</summary>
    public long RowsWithConfidentIssue => _rowsWithConfidentIssue;

    /// <summary>Adds the rows of a batch.</summary>
    public void Add(MultiLabelBatch batch)
    {
        if (batch.ClassCount != ClassCount)
        {
            throw new ArgumentException($"State has {ClassCount} classes, input has {batch.ClassCount}.", nameof(batch));
        }

        var flagged = ArrayPool<bool>.Shared.Rent(batch.Count);
        Array.Clear(flagged, 0, batch.Count);
        var first = batch.FirstPosition;
        OneVsRest.ForEachClass(batch, (k, binary) =>
        {
            _classes[k].Add(binary);
            var cuts = _cuts[k];
            var offset = (int)(binary.FirstPosition - first);
            for (var i = 0; i < binary.Count; i++)
            {
                if (ConfidentGuess.IsOffDiagonalIssue(binary.Row(i), binary.Labels[i], cuts))
                {
                    flagged[offset + i] = true;
                }
            }
        });
        _rowsWithConfidentIssue += flagged.AsSpan(0, batch.Count).Count(true);
        ArrayPool<bool>.Shared.Return(flagged);
    }

    /// <summary>Adds another state into this one.</summary>
    public void Merge(MultiLabelJointCounter other)
    {
        if (other.ClassCount != ClassCount)
        {
            throw new ArgumentException($"State has {ClassCount} classes, other has {other.ClassCount}.", nameof(other));
        }

        for (var k = 0; k < _classes.Length; k++)
        {
            _classes[k].Merge(other._classes[k]);
        }

        _rowsWithConfidentIssue += other._rowsWithConfidentIssue;
    }
}
