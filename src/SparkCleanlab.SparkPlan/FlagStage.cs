using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Flagging;
using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// Stage 4 on Spark, the join back: <see cref="IssueFlagger"/>'s per-row rule with the
/// thresholds and the selection cutoffs as literals (K x K numbers at most, so literals are the
/// broadcast), plus the label quality score and the suggested label.
/// </summary>
public sealed class FlagStage
{
    private readonly RowExpressions _rows;
    private readonly NoiseEstimates _estimates;
    private readonly LabelIssueOptions _options;
    private readonly SelectionPlan _plan;

    /// <summary>The rule for a resolved plan.</summary>
    public FlagStage(RowExpressions rows, NoiseEstimates estimates, LabelIssueOptions options, SelectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.IsResolved)
        {
            throw new ArgumentException("The selection plan has rounds left to run.", nameof(plan));
        }

        _rows = rows;
        _estimates = estimates;
        _options = options;
        _plan = plan;
    }

    /// <summary>True when the given label is flagged as an error (BOOLEAN).</summary>
    public string IsLabelIssue
    {
        get
        {
            var flagged = _options.Method switch
            {
                FilterMethod.PruneByNoiseRate => SelectedByMargin(),
                FilterMethod.PruneByClass => SelectedByClass(),
                FilterMethod.Both => $"({SelectedByMargin()} AND {SelectedByClass()})",
                FilterMethod.ConfidentLearning => ConfidentOffDiagonal(),
                FilterMethod.PredictedNeqGiven => $"({_rows.ArgMax} <> {PlanColumns.Label})",
                _ => null,
            };

            // The low-score methods take their count from num_label_issues and skip the final un-flagging.
            return flagged is null ? SelectedByScore() : $"({flagged} AND NOT {_rows.GivenWinsWithSlack})";
        }
    }

    /// <summary>The label quality score (DOUBLE) the options rank by.</summary>
    public string LabelQuality =>
        new LabelQualityExpressions(_rows, _options.RankBy, _options.AdjustPredProbs ? _estimates.Thresholds : null).Score;

    /// <summary>The suggested label as a class index (INT): the argmax.</summary>
    public string SuggestedLabel => _rows.ArgMax;

    private IEnumerable<(SelectionGroup Group, SelectionCutoff Cutoff)> GroupsOf(SelectionKeyKind kind) =>
        _plan.Groups.Where(g => g.Kind == kind).Select(g => (g, _plan.Cutoffs[g.Id]));

    private string SelectedByMargin()
    {
        var byClass = GroupsOf(SelectionKeyKind.Margin).ToLookup(x => x.Group.GivenClass);
        return _rows.ByLabel(given =>
        {
            var tests = byClass[given]
                .Select(x => SelectionKeyExpressions.Selects(
                    SelectionKeyExpressions.Of(_rows, SelectionKeyKind.Margin, given, x.Group.OtherClass), x.Cutoff))
                .ToList();
            return tests.Count == 0 ? "false" : $"({string.Join(" OR ", tests)})";
        });
    }

    private string SelectedByClass()
    {
        var byClass = GroupsOf(SelectionKeyKind.ClassProbability).ToDictionary(x => x.Group.GivenClass, x => x.Cutoff);
        return _rows.ByLabel(given => byClass.TryGetValue(given, out var cutoff)
            ? SelectionKeyExpressions.Selects(SelectionKeyExpressions.Of(_rows, SelectionKeyKind.ClassProbability, given, -1), cutoff)
            : "false");
    }

    private string SelectedByScore()
    {
        var score = _plan.Groups.SingleOrDefault(g => g.Kind is SelectionKeyKind.SelfConfidence or SelectionKeyKind.NormalizedMargin);
        return score is null
            ? "false"
            : SelectionKeyExpressions.Selects(SelectionKeyExpressions.Of(_rows, score.Kind, -1, -1), _plan.Cutoffs[score.Id]);
    }

    private string ConfidentOffDiagonal()
    {
        var guess = _rows.ConfidentGuess(_estimates.Thresholds);
        return $"({guess} >= 0 AND {guess} <> {PlanColumns.Label})";
    }
}
