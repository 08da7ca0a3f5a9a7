using System.Globalization;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// One selection round on Spark. The round's windows go out as a table with one row per given
/// class, holding arrays of the windows that apply to rows of that label (a window of every
/// label is in every row); each row becomes one entry (<c>w</c>, bucket <c>b</c>, <c>x</c>,
/// <c>key</c>) per window it falls in, <c>b = -1</c> in a collect window, mirroring
/// <see cref="SelectionWindow.TryGetX"/> and <see cref="SelectionWindow.BucketOf"/>.
/// </summary>
internal static class SelectionQuery
{
    private static readonly string[] Fields = ["w", "kind", "other", "phase", "bounded", "mode", "tied", "lo", "hi", "scale", "split", "last"];
    private static readonly string[] Types = ["int", "int", "int", "boolean", "boolean", "int", "double", "double", "double", "double", "double", "int"];

    /// <summary>The window table's schema: the label column, then one array per window field.</summary>
    public static IReadOnlyList<FrameField> WindowSchema(string labelColumn, string prefix) =>
        [new FrameField(labelColumn, "int"), .. Fields.Select((f, i) => new FrameField($"{prefix}_{f}", $"array<{Types[i]}>"))];

    /// <summary>One row per class: the windows of <paramref name="round"/> that apply to rows with that label.</summary>
    public static IReadOnlyList<object?[]> WindowTable(SelectionRound round, int classCount)
    {
        var rows = new List<object?[]>(classCount);
        for (var label = 0; label < classCount; label++)
        {
            var windows = round.Windows.Select((window, w) => (window, w)).Where(x => x.window.Group.Contains(label)).ToList();
            object?[] Column<T>(Func<SelectionWindow, int, T> value) => windows.Select(x => (object?)value(x.window, x.w)).ToArray();
            rows.Add(
            [
                label,
                Column((_, w) => w),
                Column((x, _) => (int)x.Group.Kind),
                Column((x, _) => x.Group.OtherClass),
                Column((x, _) => x.PositionPhase),
                Column((x, _) => !x.Unbounded),
                Column((x, _) => (int)x.Mode),
                Column((x, _) => x.TiedKey),
                Column((x, _) => x.Lo),
                Column((x, _) => x.Hi),
                Column((x, _) => x.Scale),
                Column((x, _) => x.Split),
                Column((x, _) => x.BucketCount - 1),
            ]);
        }

        return rows;
    }

    /// <summary>The array of a row's entries, NULLs removed, to be exploded.</summary>
    public static string Entries(string prefix)
    {
        string F(string field) => $"{prefix}_{field}[i]";
        var key = $"(CASE {F("kind")} WHEN {(int)SelectionKeyKind.Margin} THEN ({RowExpressions.SelfConfidence} - {Columns.P}[{F("other")}]) "
            + $"WHEN {(int)SelectionKeyKind.NormalizedMargin} THEN {RowExpressions.NormalizedMargin} ELSE {RowExpressions.SelfConfidence} END + {SqlLiteral.Double(0.0)})";
        var x = $"IF({F("phase")}, CAST({Columns.Position} AS DOUBLE), {key})";
        var inWindow = $"(IF({F("phase")}, {key} = {F("tied")} AND {x} >= {F("lo")} AND {x} <= {F("hi")}, NOT {F("bounded")} OR ({x} >= {F("lo")} AND {x} <= {F("hi")})))";
        var floor = $"FLOOR(({x} - {F("lo")}) * {F("scale")})";
        var bucket = $"(CASE {F("mode")} WHEN {(int)WindowMode.Collect} THEN -1 WHEN {(int)WindowMode.Split} THEN IF({x} <= {F("split")}, 0, 1) "
            + $"ELSE CAST((CASE WHEN {floor} <= 0 THEN 0 WHEN {floor} >= {F("last")} THEN {F("last")} ELSE {floor} END) AS INT) END)";
        var entry = $"named_struct('w', {F("w")}, 'b', {bucket}, 'x', {x}, 'key', {key})";
        return $"filter(transform({prefix}_w, (unused, i) -> IF({inWindow}, {entry}, NULL)), e -> e IS NOT NULL)";
    }

    /// <summary>
    /// The aggregations of a round's group-by on (window, bucket): each bucket's row count and key range, and
    /// the rows of a collect window (bucket -1) as (key, position) structs.
    /// </summary>
    public static IReadOnlyList<string> BucketAggregations { get; } =
    [
        "count(1) AS n", "min(x) AS lo", "max(x) AS hi",
        $"collect_list(IF(b < 0, named_struct('key', key, 'pos', {Columns.Position}), NULL)) AS candidates",
    ];

    /// <summary>
    /// Adds one collected row of that group-by to <paramref name="state"/>: its window and bucket start at
    /// column <paramref name="first"/>, followed by <see cref="BucketAggregations"/>.
    /// </summary>
    public static void Add(SelectionHistogram state, FrameRow row, int first)
    {
        var (window, bucket) = (row.Int32(first), row.Int32(first + 1));
        if (bucket >= 0)
        {
            state.SetBucket(window, bucket, row.Int64(first + 2), row.Double(first + 3), row.Double(first + 4));
            return;
        }

        foreach (object?[] candidate in row.Array(first + 5)!.Cast<object?[]>())
        {
            state.AddCandidate(window, new SelectionCandidate(Convert.ToDouble(candidate[0], CultureInfo.InvariantCulture), Convert.ToInt64(candidate[1], CultureInfo.InvariantCulture)));
        }
    }
}
