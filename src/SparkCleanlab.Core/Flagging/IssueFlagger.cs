using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.Core.Flagging;

/// <summary>
/// Stage 4, the join back: with the thresholds and the selection cutoffs broadcast, each row
/// gets its verdict independently of every other row. All methods but the low-score ones end
/// with the reference's final step: a row whose given label wins the argmax with 1e-6 slack is
/// never an issue.
/// </summary>
internal sealed class IssueFlagger
{
    private readonly FilterMethod _method;
    private readonly double[] _cuts;
    private readonly MarginCutoffs[] _marginCutoffs;
    private readonly SelectionCutoff[] _classCutoffs;
    private readonly SelectionCutoff _scoreCutoff;
    private readonly SelectionKeyKind _scoreKind;
    private readonly LabelQualityScorer _scorer;

    /// <summary>Prepares the per-row rule for the resolved plan.</summary>
    public IssueFlagger(NoiseEstimates estimates, LabelIssueOptions options, SelectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(plan);
        var k = estimates.ClassCount;
        _method = options.Method;
        _cuts = estimates.Thresholds.ConfidenceCuts();
        _scorer = new LabelQualityScorer(options.RankBy, options.AdjustPredProbs ? estimates.Thresholds : null);
        _marginCutoffs = Enumerable.Range(0, k).Select(_ => new MarginCutoffs(k)).ToArray();
        _classCutoffs = Enumerable.Repeat(SelectionCutoff.None, k).ToArray();
        _scoreCutoff = SelectionCutoff.None;
        var cutoffs = plan.Cutoffs;
        foreach (var group in plan.Groups)
        {
            var cutoff = cutoffs[group.Id];
            switch (group.Kind)
            {
                case SelectionKeyKind.Margin:
                    _marginCutoffs[group.GivenClass].Set(group.OtherClass, cutoff);
                    break;
                case SelectionKeyKind.ClassProbability:
                    _classCutoffs[group.GivenClass] = cutoff;
                    break;
                default:
                    _scoreCutoff = cutoff;
                    _scoreKind = group.Kind;
                    break;
            }
        }

    }

    /// <summary>The scorer behind <see cref="RowVerdict.LabelQuality"/>.</summary>
    public LabelQualityScorer Scorer => _scorer;

    /// <summary>Judges every row of a batch.</summary>
    public void Flag(RowBatch batch, Span<RowVerdict> verdicts)
    {
        Span<double> scratch = stackalloc double[batch.ClassCount];
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch.Row(i);
            var label = batch.Labels[i];
            var position = batch.FirstPosition + i;
            var isIssue = IsIssue(row, label, position);
            verdicts[i] = new RowVerdict(isIssue, _scorer.Score(row, label, scratch), RowMath.ArgMax(row));
        }
    }

    /// <summary>The verdict's issue flag for one row.</summary>
    public bool IsIssue(ReadOnlySpan<double> row, int label, long position)
    {
        bool flagged;
        switch (_method)
        {
            case FilterMethod.PruneByNoiseRate:
                flagged = SelectedByMargin(row, label, position);
                break;
            case FilterMethod.PruneByClass:
                flagged = _classCutoffs[label].Selects(SelectionKeys.Of(SelectionKeyKind.ClassProbability, -1, row, label), position);
                break;
            case FilterMethod.Both:
                flagged = SelectedByMargin(row, label, position)
                    && _classCutoffs[label].Selects(SelectionKeys.Of(SelectionKeyKind.ClassProbability, -1, row, label), position);
                break;
            case FilterMethod.ConfidentLearning:
                var guess = ConfidentGuess.Of(row, _cuts);
                flagged = guess != ConfidentGuess.None && guess != label;
                break;
            case FilterMethod.PredictedNeqGiven:
                flagged = RowMath.ArgMax(row) != label;
                break;
            case FilterMethod.LowSelfConfidenceBatched:
                flagged = SelectedByScore(row, label, position);
                break;
            default:
                return SelectedByScore(row, label, position);
        }

        return flagged && !RowMath.GivenWinsWithSlack(row, label);
    }

    private bool SelectedByMargin(ReadOnlySpan<double> row, int label, long position) =>
        _marginCutoffs[label].AnySelects(row, label, position);

    private bool SelectedByScore(ReadOnlySpan<double> row, int label, long position) =>
        _scoreCutoff.Selects(SelectionKeys.Of(_scoreKind, -1, row, label), position);
}
