using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// Stage 3 of the multi-label plan on the driver: the single-label <see cref="SelectionPlan"/> of
/// every class's one-vs-rest problem, and for low_self_confidence and low_normalized_margin one
/// more over all rows, keyed by the aggregated self-confidence. All run in the same passes; a
/// pass feeds only the plans that still have a round.
/// </summary>
internal sealed class MultiLabelSelectionPlan
{
    private readonly SelectionPlan[] _classes;

    private MultiLabelSelectionPlan(SelectionPlan[] classes, SelectionPlan? rows, MultiLabelScorer? rowScorer)
    {
        _classes = classes;
        Rows = rows;
        RowScorer = rowScorer;
    }

    /// <summary>The plan of class <paramref name="k"/>'s binary problem.</summary>
    public SelectionPlan this[int k] => _classes[k];

    /// <summary>The row-level plan of the low-score methods, or null.</summary>
    public SelectionPlan? Rows { get; }

    /// <summary>The key of the row-level plan, or null.</summary>
    public MultiLabelScorer? RowScorer { get; }

    /// <summary>Passes over the data run so far.</summary>
    public int RoundsRun { get; private set; }

    /// <summary>True when every cutoff of every plan is known.</summary>
    public bool IsResolved => _classes.All(p => p.IsResolved) && Rows?.IsResolved != false;

    /// <summary>The plans for the chosen options, from the driver's estimates.</summary>
    public static MultiLabelSelectionPlan Create(MultiLabelEstimates estimates, MultiLabelOptions options, long positionLimit)
    {
        var classes = new SelectionPlan[estimates.ClassCount];
        for (var k = 0; k < classes.Length; k++)
        {
            classes[k] = SelectionPlan.Create(estimates[k], options.ForClass(k), positionLimit);
        }

        if (!options.SelectsLowestScores)
        {
            return new MultiLabelSelectionPlan(classes, null, null);
        }

        // The reference keys both low-score methods by the default scores: self-confidence, moving average, alpha 0.8.
        var scorer = new MultiLabelScorer(estimates.ClassCount, RankingMethod.SelfConfidence, ScoreAggregator.Default);
        var rows = SelectionPlan.LowestKeys(estimates.RowsWithConfidentIssue, estimates.RowCount, positionLimit);
        return new MultiLabelSelectionPlan(classes, rows, scorer);
    }

    /// <summary>An empty state for the next pass.</summary>
    public MultiLabelSelectionHistogram CreateState()
    {
        if (IsResolved)
        {
            throw new InvalidOperationException("The selection plans are already resolved.");
        }

        return new MultiLabelSelectionHistogram(_classes.Select(p => p.CurrentRound).ToArray(), Rows?.CurrentRound, RowScorer);
    }

    /// <summary>Reads the merged state of a pass and prepares the next rounds.</summary>
    public void Advance(MultiLabelSelectionHistogram merged)
    {
        for (var k = 0; k < _classes.Length; k++)
        {
            if (merged.ForClass(k) is { } histogram)
            {
                _classes[k].Advance(histogram);
            }
        }

        if (merged.ForRows is { } rows)
        {
            Rows!.Advance(rows);
        }

        RoundsRun++;
    }
}
