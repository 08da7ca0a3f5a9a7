using System.Globalization;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Execution.MultiLabel;

namespace SparkCleanlab.SparkPlan.MultiLabel;

/// <summary>
/// The Spark engine's passes for <see cref="MultiLabelPlanDriver"/>. Each class is a binary
/// confident-learning problem on its one-vs-rest row <c>[1 - p[k], p[k]]</c>; the K problems run
/// in the same passes, each row becoming one entry per class only where a pass aggregates per
/// class. Only aggregates come back to the driver: at most 2K + 1 rows for the class statistics,
/// 4K for the joint, one per histogram bucket for a selection pass, 2K for the flag counts, one
/// per sorted partition for the ranks. Per-class constants go out as one broadcast row
/// (<see cref="ClassTable"/>) and windows as a broadcast table with one row per class and side.
/// </summary>
internal sealed class MultiLabelSparkExecutor : SparkRunExecutor<MultiLabelSparkInput>, IMultiLabelPlanExecutor
{
    private const string Windows = "__windows";
    private const string Class = "__c";
    private int _classCount;

    /// <summary>An executor for <paramref name="request"/> on <paramref name="session"/>.</summary>
    public MultiLabelSparkExecutor(ISparkSessionApi session, FindIssuesRequest request, TextWriter? log = null)
        : base(session, request, log)
    {
    }

    private string Member => MultiLabelSparkInput.Member;

    /// <inheritdoc/>
    public Task<MultiLabelScreenResult> ScreenAsync(SettledInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        _classCount = input.ClassCount;
        var k = _classCount;
        Project(input);

        // One pass: a valid row becomes one entry per class, an invalid one a single entry of class -1;
        // per (class, given) the count and the exact sum of the binary self-confidence, plus the first invalid row.
        var self = OneVsRestExpressions.SelfConfidence($"{Columns.P}[{Class}]", "__m");
        var units = $"CAST(CAST(({self} * {SqlLiteral.Double(FixedPoint.Scale)}) AS BIGINT) AS DECIMAL(38,0))";
        var rows = Input.Rows
            .SelectExpr("*", $"explode(IF({Columns.Invalid} IS NULL, sequence(0, {k - 1}), array(-1))) AS {Class}")
            .SelectExpr("*", $"IF({Class} < 0, NULL, {Member}[{Class}]) AS __m")
            .GroupByAgg([Class, "__m"],
            [
                "count(1) AS n",
                $"CAST(sum(IF({Class} >= 0, {units}, NULL)) AS STRING) AS units",
                FirstInvalid,
            ])
            .Collect();
        var counts = new long[k, 2];
        var sums = new Int128[k, 2];
        long valid = 0;
        long invalid = 0;
        InvalidRowSample? first = null;
        foreach (var row in rows)
        {
            var c = row.Int32(0);
            var n = row.Int64(2);
            if (c < 0)
            {
                invalid = n;
                first = InvalidSample(row, 4);
                continue;
            }

            var side = row.Boolean(1) ? 1 : 0;
            counts[c, side] = n;
            sums[c, side] = Int128.Parse(row.String(3)!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            if (c == 0)
            {
                valid += n;
            }
        }

        var classes = Enumerable.Range(0, k)
            .Select(c => ClassStatistics.FromAggregates([counts[c, 0], counts[c, 1]], [sums[c, 0], sums[c, 1]]))
            .ToArray();
        InputRows = valid + invalid;
        return Task.FromResult(new MultiLabelScreenResult(MultiLabelClassStatistics.FromClasses(classes), InputRows, invalid, first, null, InputFiles.PositionLimit));
    }

    /// <inheritdoc/>
    public Task<MultiLabelJointCounter> CountConfidentJointAsync(ClassThresholds[] thresholds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var k = _classCount;
        var cuts = thresholds.Select(t => t.ConfidenceCuts()).ToArray();
        var table = new ClassTable().Add(ClassTable.Cut0, "double", cuts.Select(c => c[0])).Add(ClassTable.Cut1, "double", cuts.Select(c => c[1]));
        var given = $"{Member}[j]";
        var rows = table.JoinTo(Session, Input.Valid)
            .SelectExpr("*", $"transform({Columns.P}, (x, j) -> {OneVsRestExpressions.ConfidentGuess("x", $"{ClassTable.Cut0}[j]", $"{ClassTable.Cut1}[j]")}) AS __guess")
            .SelectExpr("*", $"transform({Columns.P}, (x, j) -> {OneVsRestExpressions.IsOffDiagonalIssue("__guess[j]", "x", given)}) AS __offdiagonal")
            .SelectExpr("*", "exists(__offdiagonal, f -> f) AS __any", $"explode(sequence(0, {k - 1})) AS {Class}")
            .SelectExpr(Class, $"{OneVsRestExpressions.Label($"{Member}[{Class}]")} AS __l", $"__guess[{Class}] AS __g", $"__offdiagonal[{Class}] AS __o", $"({Class} = 0 AND __any) AS __a")
            .GroupByAgg([Class, "__l", "__g"], ["count(1) AS n", "sum(IF(__o, 1L, 0L)) AS issues", "sum(IF(__a, 1L, 0L)) AS flagged"])
            .Collect();
        var counts = new long[k][];
        var issues = new long[k];
        long flagged = 0;
        for (var c = 0; c < k; c++)
        {
            counts[c] = new long[4];
        }

        foreach (var row in rows)
        {
            var (c, label, guess) = (row.Int32(0), row.Int32(1), row.Int32(2));
            if (guess >= 0)
            {
                counts[c][(label * 2) + guess] = row.Int64(3);
            }

            issues[c] += row.Int64(4);
            flagged += row.Int64(5);
        }

        var classes = Enumerable.Range(0, k).Select(c => ConfidentJointCounter.FromAggregates(thresholds[c], counts[c], issues[c])).ToArray();
        return Task.FromResult(MultiLabelJointCounter.FromAggregates(thresholds, classes, flagged));
    }

    /// <inheritdoc/>
    public Task<MultiLabelSelectionHistogram> SelectAsync(MultiLabelSelectionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var state = plan.CreateState();
        var k = _classCount;
        var active = Enumerable.Range(0, k).Where(c => state.ForClass(c) is not null).ToList();

        // One window table: per active class and binary label its round's windows; class -1 holds the row-level round.
        var windows = new List<object?[]>();
        foreach (var c in active)
        {
            windows.AddRange(SelectionQuery.WindowTable(state.ForClass(c)!.Round, classCount: 2).Select(r => (object?[])[c, .. r]));
        }

        var rows = Input.Valid;
        var classes = active.Select(SqlLiteral.Int).ToList();
        if (state.ForRows is { } rowLevel)
        {
            windows.AddRange(SelectionQuery.WindowTable(rowLevel.Round, 1).Select(r => (object?[])[-1, .. r]));
            foreach (var (name, expression) in MultiLabelScoreExpressions.Steps("__rowkey", k, RankingMethod.SelfConfidence, ScoreAggregator.Default, adjusted: false))
            {
                rows = rows.SelectExpr("*", $"{expression} AS {name}");
            }

            classes.Add("-1");
        }

        var table = Session.CreateFrame([new FrameField(Class, "int"), .. SelectionQuery.WindowSchema(Columns.Label, Windows)], windows);
        var rowKey = state.ForRows is null ? SqlLiteral.Double(0) : "__rowkey";

        // Each row as one binary row per active class (and a one-class row keyed by its score), named as the single-label query reads them.
        var entries = rows
            .SelectExpr(Member, Columns.P, Columns.Position, $"explode(array({string.Join(", ", classes)})) AS {Class}", $"{rowKey} AS __rowkey")
            .SelectExpr(Class, Columns.Position,
                $"IF({Class} < 0, array(__rowkey), array({OneVsRestExpressions.Complement($"{Columns.P}[{Class}]")}, {Columns.P}[{Class}])) AS {Columns.P}",
                $"IF({Class} < 0, 0, {OneVsRestExpressions.Label($"{Member}[{Class}]")}) AS {Columns.Label}")
            .Join(table, [Class, Columns.Label], broadcastRight: true)
            .SelectExpr(Class, $"explode({SelectionQuery.Entries(Windows)}) AS __e", Columns.Position)
            .SelectExpr(Class, "__e.w AS w", "__e.b AS b", "__e.x AS x", "__e.key AS key", Columns.Position)
            .GroupByAgg([Class, "w", "b"], SelectionQuery.BucketAggregations)
            .Collect();
        foreach (var row in entries)
        {
            var c = row.Int32(0);
            SelectionQuery.Add(c < 0 ? state.ForRows! : state.ForClass(c)!, row, first: 1);
        }

        return Task.FromResult(state);
    }

    /// <inheritdoc/>
    public Task<MultiLabelIssueCounts> WriteOutputsAsync(MultiLabelFlagRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var k = _classCount;
        var flagged = MultiLabelFlagQuery.Table(rule).JoinTo(Session, Input.Valid);
        foreach (var (name, expression) in MultiLabelFlagQuery.Steps(rule))
        {
            flagged = flagged.SelectExpr("*", $"{expression} AS {name}");
        }

        var names = rule.Input.ClassNames is null ? null : ClassTable.Names;
        var issueClasses = names is null ? MultiLabelFlagQuery.Classes : $"transform({MultiLabelFlagQuery.Classes}, j -> {names}[j])";
        var actions = $"transform({MultiLabelFlagQuery.Classes}, j -> concat(IF({Member}[j], 'remove:', 'add:'), {ClassTable.Names}[j]))";
        flagged = flagged.Persist();
        var user = Input.UserSelection;
        flagged.Filter($"NOT {MultiLabelFlagQuery.IsIssue}").SelectExpr(user).WriteParquet(Output.Folder(OutputLayout.Cleaned));
        var issues = IssueRanking.Rank(flagged.Filter(MultiLabelFlagQuery.IsIssue), MultiLabelFlagQuery.Ranking, Columns.Position);
        issues.SelectExpr([.. user, $"{MultiLabelFlagQuery.Quality} AS {OutputLayout.LabelQuality}", $"{issueClasses} AS {OutputLayout.IssueClasses}",
            $"{actions} AS {OutputLayout.IssueActions}", $"{SqlLiteral.String(rule.Method)} AS {OutputLayout.Method}", $"{IssueRanking.Column} AS {OutputLayout.IssueRank}"])
            .WriteParquet(Output.Folder(OutputLayout.Issues));
        WriteInvalid();

        var flaggedGiven = new long[k];
        var flaggedNotGiven = new long[k];
        var memberships = flagged.SelectExpr(Member, $"explode({MultiLabelFlagQuery.Classes}) AS {Class}")
            .SelectExpr(Class, $"{Member}[{Class}] AS __g")
            .GroupByAgg([Class, "__g"], ["count(1) AS n"])
            .Collect();
        foreach (var row in memberships)
        {
            (row.Boolean(1) ? flaggedGiven : flaggedNotGiven)[row.Int32(0)] = row.Int64(2);
        }

        return Task.FromResult(new MultiLabelIssueCounts(issues.Count(), flaggedGiven, flaggedNotGiven));
    }

    /// <inheritdoc/>
    private protected override MultiLabelSparkInput Open(ISparkSessionApi session, FindIssuesRequest request) => MultiLabelSparkInput.Open(session, request);
}
