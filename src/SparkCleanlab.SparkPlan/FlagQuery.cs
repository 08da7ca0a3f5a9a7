using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// Stage 4's flag on Spark, <see cref="Core.Flagging.IssueFlagger"/>'s rule: the resolved
/// cutoffs go out as a table with one row per given class (arrays of kind, other class, cutoff
/// key and position), and a row is selected by a group when its key is below the cutoff key, or
/// equal to it at a position no later than the cutoff's.
/// </summary>
internal static class FlagQuery
{
    private const string Kind = "__cut_kind";
    private const string Other = "__cut_other";
    private const string Key = "__cut_key";
    private const string Position = "__cut_pos";

    /// <summary>The cutoff table's schema.</summary>
    public static IReadOnlyList<FrameField> CutoffSchema(string labelColumn) =>
        [new(labelColumn, "int"), new(Kind, "array<int>"), new(Other, "array<int>"), new(Key, "array<double>"), new(Position, "array<bigint>")];

    /// <summary>One row per class: the cutoffs of the groups that apply to rows with that label.</summary>
    public static IReadOnlyList<object?[]> CutoffTable(SelectionPlan plan, int classCount)
    {
        var rows = new List<object?[]>(classCount);
        for (var label = 0; label < classCount; label++)
        {
            var groups = plan.Groups.Where(g => g.Contains(label)).ToList();
            rows.Add(
            [
                label,
                groups.Select(g => (object?)(int)g.Kind).ToArray(),
                groups.Select(g => (object?)g.OtherClass).ToArray(),
                groups.Select(g => (object?)plan.Cutoffs[g.Id].Key).ToArray(),
                groups.Select(g => (object?)plan.Cutoffs[g.Id].Position).ToArray(),
            ]);
        }

        return rows;
    }

    /// <summary>The flag of a row (BOOLEAN) for <paramref name="method"/>; the row has <c>__guess</c>.</summary>
    public static string IsLabelIssue(FilterMethod method)
    {
        var flagged = method switch
        {
            FilterMethod.PruneByNoiseRate => Selected(SelectionKeyKind.Margin),
            FilterMethod.PruneByClass => Selected(SelectionKeyKind.ClassProbability),
            FilterMethod.Both => $"({Selected(SelectionKeyKind.Margin)} AND {Selected(SelectionKeyKind.ClassProbability)})",
            FilterMethod.ConfidentLearning => $"(__guess >= 0 AND __guess <> {Columns.Label})",
            FilterMethod.PredictedNeqGiven => $"({RowExpressions.ArgMax} <> {Columns.Label})",
            _ => null,
        };

        // The low-score methods take their count from num_label_issues and skip the final un-flagging.
        return flagged is null
            ? $"({Selected(SelectionKeyKind.SelfConfidence)} OR {Selected(SelectionKeyKind.NormalizedMargin)})"
            : $"({flagged} AND NOT {RowExpressions.GivenWinsWithSlack})";
    }

    private static string Selected(SelectionKeyKind kind)
    {
        var key = kind switch
        {
            SelectionKeyKind.Margin => $"({RowExpressions.SelfConfidence} - {Columns.P}[{Other}[i]])",
            SelectionKeyKind.NormalizedMargin => RowExpressions.NormalizedMargin,
            _ => RowExpressions.SelfConfidence,
        };
        key = $"({key} + {SqlLiteral.Double(0.0)})";
        return $"exists(transform({Kind}, (k, i) -> k = {(int)kind} AND ({key} < {Key}[i] OR ({key} = {Key}[i] AND {Columns.Position} <= {Position}[i]))), s -> s)";
    }
}
