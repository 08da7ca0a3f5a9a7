using SparkCleanlab.Core.Flagging;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// Stage 4 of the multi-label plan, the join back: with the binary thresholds and every cutoff
/// broadcast, each row gets its verdict on its own. Each class's flag is the single-label
/// <see cref="IssueFlagger"/> on the class's one-vs-rest row; the row is an issue when any class
/// is, or, for the low-score methods, when the row-level cutoff selects its aggregated
/// self-confidence (and then, as in the reference, no given label is un-flagged).
/// </summary>
internal sealed class MultiLabelIssueFlagger
{
    private readonly IssueFlagger[] _classes;
    private readonly SelectionCutoff? _rowCutoff;
    private readonly MultiLabelScorer? _rowScorer;
    private readonly MultiLabelScorer _quality;
    private readonly MultiLabelScorer? _ranking;

    /// <summary>Prepares the per-row rule for the resolved plans.</summary>
    public MultiLabelIssueFlagger(MultiLabelEstimates estimates, MultiLabelOptions options, MultiLabelSelectionPlan plan)
    {
        var k = estimates.ClassCount;
        _classes = new IssueFlagger[k];
        for (var c = 0; c < k; c++)
        {
            _classes[c] = new IssueFlagger(estimates[c], options.ForClass(c), plan[c]);
        }

        if (plan.Rows is { } rows)
        {
            _rowCutoff = rows.Cutoffs[0];
            _rowScorer = plan.RowScorer;
        }

        var thresholds = options.AdjustPredProbs ? Enumerable.Range(0, k).Select(c => estimates[c].Thresholds).ToArray() : null;
        _quality = new MultiLabelScorer(k, options.RankBy, options.Aggregator, thresholds);

        // The reference ranks by unadjusted scores with the default aggregator, whatever the label quality uses.
        if (options.AdjustPredProbs || options.Aggregator != ScoreAggregator.Default)
        {
            _ranking = new MultiLabelScorer(k, options.RankBy, ScoreAggregator.Default);
        }
    }

    /// <summary>Judges and scores every row of a batch.</summary>
    public void Flag(MultiLabelBatch batch, MultiLabelVerdicts verdicts)
    {
        var k = batch.ClassCount;
        Span<double> binary = stackalloc double[OneVsRest.BinaryClassCount];
        Span<double> classScores = stackalloc double[k];
        Span<double> scratch = stackalloc double[k];
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch.Row(i);
            var given = batch.GivenRow(i);
            var position = batch.FirstPosition + i;
            var any = false;
            for (var c = 0; c < k; c++)
            {
                var p = row[c];
                binary[0] = 1 - p;
                binary[1] = p;
                var flagged = _classes[c].IsIssue(binary, given[c] ? 1 : 0, position);
                verdicts.IsClassIssue[(i * k) + c] = flagged;
                any |= flagged;
            }

            var quality = _quality.Score(row, given, verdicts.ClassLabelQuality.Slice(i * k, k), scratch);
            verdicts.LabelQuality[i] = quality;
            verdicts.RankingScore[i] = _ranking is null ? quality : _ranking.Score(row, given, classScores, scratch);
            if (_rowCutoff is { } cutoff)
            {
                var key = RowMath.NormalizeZero(_rowScorer!.Score(row, given, classScores, scratch));
                any = cutoff.Selects(key, position);
            }

            verdicts.IsIssue[i] = any;
        }
    }
}
