using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Plan.Execution.MultiLabel;

namespace SparkCleanlab.SparkPlan.MultiLabel;

/// <summary>
/// The multi-label flag pass on Spark, <see cref="MultiLabelIssueFlagger"/>'s rule: each class's
/// binary flag by the single-label rule of its method (cutoffs of both binary sides read from the
/// class table at index <c>2k + side</c>, the score cutoff at <c>k</c>), the row an issue when any
/// class is, or when the row-level cutoff selects its aggregated self-confidence; then the label
/// quality and the ranking score.
/// </summary>
internal static class MultiLabelFlagQuery
{
    /// <summary>Per class: the membership is flagged (<c>array&lt;boolean&gt;</c>).</summary>
    public const string Flags = "__flags";

    /// <summary>The flagged classes in class order (<c>array&lt;int&gt;</c>).</summary>
    public const string Classes = "__flagged_classes";

    /// <summary>The row is an issue.</summary>
    public const string IsIssue = "__issue";

    /// <summary>The label quality.</summary>
    public const string Quality = "__quality";

    /// <summary>The score issues are ranked by.</summary>
    public const string Ranking = "__ranking";

    private const string RowKey = "__rowkey";
    private const string MarginKey = "__mk";
    private const string MarginPosition = "__mp";
    private const string ClassKey = "__ck";
    private const string ClassPosition = "__cp";
    private const string ScoreKind = "__sk_kind";
    private const string ScoreKey = "__sk";
    private const string ScorePosition = "__sp";
    private const string RowCutoffKey = "__rk";
    private const string RowCutoffPosition = "__rp";

    /// <summary>The class table of the pass: names, thresholds, cuts and every resolved cutoff.</summary>
    public static ClassTable Table(MultiLabelFlagRule rule)
    {
        var k = rule.Input.ClassCount;
        var estimates = rule.Estimates;
        var thresholds = Enumerable.Range(0, k).Select(c => estimates[c].Thresholds.ToArray()).ToArray();
        var cuts = Enumerable.Range(0, k).Select(c => estimates[c].Thresholds.ConfidenceCuts()).ToArray();
        var margin = new SelectionCutoff[2 * k];
        var byClass = new SelectionCutoff[2 * k];
        var score = new SelectionCutoff[k];
        var scoreKind = new int[k];
        Array.Fill(margin, SelectionCutoff.None);
        Array.Fill(byClass, SelectionCutoff.None);
        Array.Fill(score, SelectionCutoff.None);
        for (var c = 0; c < k; c++)
        {
            var plan = rule.Selection[c];
            foreach (var group in plan.Groups)
            {
                var cutoff = plan.Cutoffs[group.Id];
                switch (group.Kind)
                {
                    case SelectionKeyKind.Margin:
                        margin[(2 * c) + group.GivenClass] = cutoff;
                        break;
                    case SelectionKeyKind.ClassProbability:
                        byClass[(2 * c) + group.GivenClass] = cutoff;
                        break;
                    default:
                        score[c] = cutoff;
                        scoreKind[c] = (int)group.Kind;
                        break;
                }
            }
        }

        var rowCutoff = rule.Selection.Rows is { } rows ? rows.Cutoffs[0] : SelectionCutoff.None;
        return new ClassTable()
            .Add(ClassTable.Names, "string", Enumerable.Range(0, k).Select(rule.Input.ClassName))
            .Add(ClassTable.Threshold0, "double", thresholds.Select(t => t[0]))
            .Add(ClassTable.Threshold1, "double", thresholds.Select(t => t[1]))
            .Add(ClassTable.ThresholdMax, "double", thresholds.Select(t => t.Max()))
            .Add(ClassTable.Cut0, "double", cuts.Select(t => t[0]))
            .Add(ClassTable.Cut1, "double", cuts.Select(t => t[1]))
            .Add(MarginKey, "double", margin.Select(m => m.Key))
            .Add(MarginPosition, "bigint", margin.Select(m => m.Position))
            .Add(ClassKey, "double", byClass.Select(m => m.Key))
            .Add(ClassPosition, "bigint", byClass.Select(m => m.Position))
            .Add(ScoreKind, "int", scoreKind)
            .Add(ScoreKey, "double", score.Select(m => m.Key))
            .Add(ScorePosition, "bigint", score.Select(m => m.Position))
            .AddScalar(RowCutoffKey, "double", rowCutoff.Key)
            .AddScalar(RowCutoffPosition, "bigint", rowCutoff.Position);
    }

    /// <summary>The projections, in order, that end with <see cref="IsIssue"/>, <see cref="Classes"/>, <see cref="Quality"/> and <see cref="Ranking"/>.</summary>
    public static IReadOnlyList<(string Name, string Expression)> Steps(MultiLabelFlagRule rule)
    {
        var k = rule.Input.ClassCount;
        var options = rule.Options;
        var steps = new List<(string, string)>
        {
            (Flags, $"transform({Columns.P}, (x, j) -> {ClassFlag(options.Method, "x", $"{MultiLabelSparkInput.Member}[j]")})"),
            (Classes, $"filter(sequence(0, {k - 1}), j -> {Flags}[j])"),
        };
        steps.AddRange(MultiLabelScoreExpressions.Steps(Quality, k, options.RankBy, options.Aggregator, options.AdjustPredProbs));
        if (options.AdjustPredProbs || options.Aggregator != ScoreAggregator.Default)
        {
            // The reference ranks by unadjusted scores with the default aggregator, whatever the label quality uses.
            steps.AddRange(MultiLabelScoreExpressions.Steps(Ranking, k, options.RankBy, ScoreAggregator.Default, adjusted: false));
        }
        else
        {
            steps.Add((Ranking, Quality));
        }

        if (rule.Selection.Rows is null)
        {
            steps.Add((IsIssue, $"exists({Flags}, f -> f)"));
        }
        else
        {
            steps.AddRange(MultiLabelScoreExpressions.Steps(RowKey, k, RankingMethod.SelfConfidence, ScoreAggregator.Default, adjusted: false));
            steps.Add((IsIssue, OneVsRestExpressions.Selects($"({RowKey} + {SqlLiteral.Double(0)})", RowCutoffKey, RowCutoffPosition)));
        }

        return steps;
    }

    // IssueFlagger.IsIssue on the class's one-vs-rest row.
    private static string ClassFlag(FilterMethod method, string x, string given)
    {
        var side = $"((2 * j) + {OneVsRestExpressions.Label(given)})";
        var self = OneVsRestExpressions.SelfConfidence(x, given);
        var byMargin = OneVsRestExpressions.Selects(OneVsRestExpressions.MarginKey(x, given), $"{MarginKey}[{side}]", $"{MarginPosition}[{side}]");
        var byClass = OneVsRestExpressions.Selects($"({self} + {SqlLiteral.Double(0)})", $"{ClassKey}[{side}]", $"{ClassPosition}[{side}]");
        var flagged = method switch
        {
            FilterMethod.PruneByNoiseRate => byMargin,
            FilterMethod.PruneByClass => byClass,
            FilterMethod.Both => $"({byMargin} AND {byClass})",
            FilterMethod.ConfidentLearning => $"({OneVsRestExpressions.ConfidentGuess(x, $"{ClassTable.Cut0}[j]", $"{ClassTable.Cut1}[j]")} = {OneVsRestExpressions.Label($"NOT {given}")})",
            FilterMethod.PredictedNeqGiven => $"({OneVsRestExpressions.ArgMax(x)} <> {OneVsRestExpressions.Label(given)})",
            _ => null,
        };
        if (flagged is not null)
        {
            return $"({flagged} AND NOT {OneVsRestExpressions.GivenWinsWithSlack(x, given)})";
        }

        // The low-score methods select by the class's score and skip the final un-flagging.
        var normalizedMargin = OneVsRestExpressions.NormalizedMargin(self, OneVsRestExpressions.Other(x, given));
        var key = $"(IF({ScoreKind}[j] = {(int)SelectionKeyKind.NormalizedMargin}, {normalizedMargin}, {self}) + {SqlLiteral.Double(0)})";
        return OneVsRestExpressions.Selects(key, $"{ScoreKey}[j]", $"{ScorePosition}[j]");
    }
}
