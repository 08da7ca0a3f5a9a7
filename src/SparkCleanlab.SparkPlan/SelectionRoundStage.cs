using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// One round of stage 3 on Spark. Each row becomes one struct per window it falls in
/// (<c>w</c>, bucket <c>b</c>, <c>x</c>, <c>key</c>; <c>b = -1</c> for a collect window), then
/// <c>groupBy(w, b)</c> counts the rows with the min and max x of each bucket, and lists the
/// (key, position) pairs of collect windows: at most <see cref="SelectionPlan.CollectLimit"/>
/// per window, never whole rows. The result is read back into the Core's
/// <see cref="SelectionHistogram"/>.
/// </summary>
public sealed class SelectionRoundStage(RowExpressions rows, SelectionRound round)
{
    /// <summary>The exploded column.</summary>
    public const string Entry = "__entry";

    /// <summary>The round this stage runs.</summary>
    public SelectionRound Round => round;

    /// <summary>
    /// An array of the row's window entries (null entries removed), to be exploded into
    /// <see cref="Entry"/>.
    /// </summary>
    public string Entries
    {
        get
        {
            var entries = round.Windows.Select((window, w) => EntryOf(window, w));
            return $"filter(array({string.Join(", ", entries)}), e -> e IS NOT NULL)";
        }
    }

    /// <summary>The columns selected from an exploded entry before grouping.</summary>
    public IReadOnlyList<string> EntryColumns =>
        [$"{Entry}.w AS w", $"{Entry}.b AS b", $"{Entry}.x AS x", $"{Entry}.key AS key", PlanColumns.Position];

    /// <summary>The grouping columns.</summary>
    public IReadOnlyList<string> GroupBy => ["w", "b"];

    /// <summary>The aggregations: <c>n</c>, <c>lo</c>, <c>hi</c> and the collect windows' <c>candidates</c>.</summary>
    public IReadOnlyList<string> Aggregations =>
    [
        "count(1) AS n",
        "min(x) AS lo",
        "max(x) AS hi",
        $"collect_list(IF(b < 0, named_struct('key', key, 'pos', {PlanColumns.Position}), NULL)) AS candidates",
    ];

    /// <summary>The merged state from Spark's result rows: (w, b, n, lo, hi, candidates), in any order.</summary>
    public SelectionHistogram FromRows(IEnumerable<SelectionAggregate> result)
    {
        var state = new SelectionHistogram(round);
        foreach (var row in result)
        {
            if (row.Bucket < 0)
            {
                foreach (var (key, position) in row.Candidates)
                {
                    state.AddCandidate(row.Window, new SelectionCandidate(key, position));
                }
            }
            else
            {
                state.SetBucket(row.Window, row.Bucket, row.Count, row.Min, row.Max);
            }
        }

        return state;
    }

    private string EntryOf(SelectionWindow window, int w)
    {
        var group = window.Group;
        var key = SelectionKeyExpressions.Of(rows, group.Kind, group.GivenClass, group.OtherClass);
        var x = window.PositionPhase ? $"CAST({PlanColumns.Position} AS DOUBLE)" : key;
        var conditions = new List<string>();
        if (group.GivenClass >= 0)
        {
            conditions.Add($"{PlanColumns.Label} = {group.GivenClass}");
        }

        // SelectionWindow.TryGetX: rows decided by an earlier round are outside the range.
        if (window.PositionPhase)
        {
            conditions.Add($"{key} = {SqlLiteral.Double(window.TiedKey)}");
        }

        if (window.PositionPhase || !window.Unbounded)
        {
            conditions.Add($"{x} >= {SqlLiteral.Double(window.Lo)} AND {x} <= {SqlLiteral.Double(window.Hi)}");
        }

        var condition = conditions.Count == 0 ? "true" : string.Join(" AND ", conditions.Select(c => $"({c})"));
        var entry = $"named_struct('w', {w}, 'b', {Bucket(window, x)}, 'x', {x}, 'key', {key})";
        return $"IF({condition}, {entry}, NULL)";
    }

    // SelectionWindow.BucketOf; FLOOR of a double is a saturating BIGINT, which clamps the same way.
    private static string Bucket(SelectionWindow window, string x) => window.Mode switch
    {
        WindowMode.Collect => "-1",
        WindowMode.Split => $"IF({x} <= {SqlLiteral.Double(window.Split)}, 0, 1)",
        _ => Clamp($"FLOOR(({x} - {SqlLiteral.Double(window.Lo)}) * {SqlLiteral.Double(window.Scale)})", window.BucketCount - 1),
    };

    private static string Clamp(string bucket, int last) =>
        $"CAST((CASE WHEN {bucket} <= 0 THEN 0 WHEN {bucket} >= {last} THEN {last} ELSE {bucket} END) AS INT)";
}
