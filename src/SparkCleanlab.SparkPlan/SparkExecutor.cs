using System.Globalization;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// The Spark engine's passes for <see cref="PlanDriver"/>: each stage is Spark SQL over the
/// input (<see cref="IFrame"/>), and only aggregates come back to the driver: at most 2K rows for
/// the class statistics, K^2 for the joint, one per histogram bucket for a selection round, one
/// per sorted partition for the ranks. Tables of cutoffs and windows go out as small broadcast
/// frames with one row per class, so no expression grows faster than K.
/// </summary>
internal sealed class SparkExecutor : SparkRunExecutor<SparkInput>, IPlanExecutor
{
    private const string Windows = "__windows";
    private int _classCount;
    private string[]? _classNames;

    /// <summary>An executor for <paramref name="request"/> on <paramref name="session"/>.</summary>
    public SparkExecutor(ISparkSessionApi session, FindIssuesRequest request, TextWriter? log = null)
        : base(session, request, log)
    {
        if (request.Issues.Method == FilterMethod.LowSelfConfidenceBatched)
        {
            // The reference's batched approximation exists for its memory limits; Spark has none of those.
            throw new UsageException("--method low_self_confidence_batched runs on the local engine only; use low_self_confidence on Spark.");
        }
    }

    /// <inheritdoc/>
    public Task<ScreenResult> ScreenAsync(SettledInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        _classCount = input.ClassCount;
        // Suggested labels are names where the labels are names, indices otherwise, as the local engine writes them.
        _classNames = Input.Facts.StringLabels ? input.ClassNames?.ToArray() : null;
        Project(input);

        // One pass: per (validity, label) the count and the exact self-confidence sum, plus the first invalid row.
        var rows = Input.Rows.SelectExpr("*", $"{Columns.Invalid} IS NULL AS __valid")
            .GroupByAgg(["__valid", Columns.Label],
            [
                "count(1) AS n",
                $"CAST(sum(IF(__valid, {RowExpressions.SelfConfidenceUnits}, NULL)) AS STRING) AS units",
                FirstInvalid,
                $"min({Columns.Position}) AS firstPosition",
            ])
            .Collect();
        var counts = new long[_classCount];
        var units = new Int128[_classCount];
        long total = 0;
        long invalid = 0;
        InvalidRowSample? first = null;
        var firstPosition = long.MaxValue;
        foreach (var row in rows)
        {
            var n = row.Int64(2);
            total += n;
            if (!row.Boolean(0))
            {
                invalid += n;
                if (row.Int64(5) < firstPosition)
                {
                    firstPosition = row.Int64(5);
                    first = InvalidSample(row, 4);
                }

                continue;
            }

            var label = row.Int32(1);
            counts[label] = n;
            units[label] = Int128.Parse(row.String(3)!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        // Positions are file ordinal * 2^32 + row index, so every position is below files * 2^32.
        InputRows = total;
        return Task.FromResult(new ScreenResult(ClassStatistics.FromAggregates(counts, units), total, invalid, first, null, InputFiles.PositionLimit));
    }

    /// <inheritdoc/>
    public Task<ConfidentJointCounter> CountConfidentJointAsync(ClassThresholds thresholds, bool countsConfidentMispredictions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var rows = WithGuess(Input.Valid, thresholds)
            .Filter("__guess >= 0")
            .GroupByAgg([Columns.Label, "__guess"],
                ["count(1) AS n", $"sum(IF(__guess <> {Columns.Label} AND NOT {RowExpressions.GivenWinsWithSlack}, 1L, 0L)) AS issues"])
            .Collect();
        var k = _classCount;
        var counts = new long[k * k];
        long issues = 0;
        foreach (var row in rows)
        {
            counts[(row.Int32(0) * k) + row.Int32(1)] = row.Int64(2);
            issues += row.Int64(3);
        }

        return Task.FromResult(ConfidentJointCounter.FromAggregates(thresholds, counts, issues));
    }

    /// <inheritdoc/>
    public Task<SelectionHistogram> SelectAsync(SelectionRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var windows = SelectionQuery.WindowTable(round, _classCount);
        var table = Session.CreateFrame(SelectionQuery.WindowSchema(Columns.Label, Windows), windows);
        var rows = Input.Valid.Join(table, [Columns.Label], broadcastRight: true)
            .SelectExpr($"explode({SelectionQuery.Entries(Windows)}) AS __e", Columns.Position)
            .SelectExpr("__e.w AS w", "__e.b AS b", "__e.x AS x", "__e.key AS key", Columns.Position)
            .GroupByAgg(["w", "b"], SelectionQuery.BucketAggregations)
            .Collect();
        var state = new SelectionHistogram(round);
        foreach (var row in rows)
        {
            SelectionQuery.Add(state, row, first: 0);
        }

        return Task.FromResult(state);
    }

    /// <inheritdoc/>
    public Task<long> WriteOutputsAsync(FlagRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var cutoffs = Session.CreateFrame(FlagQuery.CutoffSchema(Columns.Label), FlagQuery.CutoffTable(rule.Selection, _classCount));
        var flagged = WithGuess(Input.Valid, rule.Estimates.Thresholds).Join(cutoffs, [Columns.Label], broadcastRight: true);
        foreach (var (name, expression) in LabelQualityExpressions.Steps(_classCount, rule.Options.RankBy, rule.Options.AdjustPredProbs ? rule.Estimates.Thresholds : null))
        {
            flagged = flagged.SelectExpr("*", $"{expression} AS {name}");
        }

        var suggested = _classNames is { } names
            ? $"element_at(array({string.Join(", ", names.Select(SqlLiteral.String))}), {RowExpressions.ArgMax} + 1)"
            : RowExpressions.ArgMax;
        flagged = flagged.SelectExpr("*", $"{FlagQuery.IsLabelIssue(rule.Options.Method)} AS __issue", $"{suggested} AS __suggested").Persist();
        var user = Input.UserSelection;
        flagged.Filter("NOT __issue").SelectExpr(user).WriteParquet(Output.Folder(OutputLayout.Cleaned));
        var issues = IssueRanking.Rank(flagged.Filter("__issue"), LabelQualityExpressions.Score, Columns.Position);
        issues.SelectExpr([.. user, $"{LabelQualityExpressions.Score} AS {OutputLayout.LabelQuality}", $"__suggested AS {OutputLayout.SuggestedLabel}",
            $"{SqlLiteral.String(rule.Method)} AS {OutputLayout.Method}", $"{IssueRanking.Column} AS {OutputLayout.IssueRank}"]).WriteParquet(Output.Folder(OutputLayout.Issues));
        if (rule.Annotated)
        {
            flagged.SelectExpr([.. user, $"__issue AS {OutputLayout.IsLabelIssue}", $"{LabelQualityExpressions.Score} AS {OutputLayout.LabelQuality}", $"__suggested AS {OutputLayout.SuggestedLabel}"])
                .WriteParquet(Output.Folder(OutputLayout.Annotated));
        }

        WriteInvalid();
        return Task.FromResult(issues.Count());
    }

    /// <inheritdoc/>
    public Task PublishInvalidOnlyAsync(CancellationToken cancellationToken)
    {
        var user = Input.UserSelection;
        WriteInvalid();
        var none = Input.Rows.Filter("false");
        none.SelectExpr(user).WriteParquet(Output.Folder(OutputLayout.Cleaned));
        var suggested = _classNames is null ? "CAST(NULL AS INT)" : "CAST(NULL AS STRING)";
        none.SelectExpr([.. user, $"CAST(NULL AS DOUBLE) AS {OutputLayout.LabelQuality}", $"{suggested} AS {OutputLayout.SuggestedLabel}",
            $"CAST(NULL AS STRING) AS {OutputLayout.Method}", $"CAST(NULL AS BIGINT) AS {OutputLayout.IssueRank}"]).WriteParquet(Output.Folder(OutputLayout.Issues));
        Output.Publish(new Dictionary<string, string>());
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    private protected override SparkInput Open(ISparkSessionApi session, FindIssuesRequest request) => SparkInput.Open(session, request);

    // The cuts are one literal column, read by index from the lambda of every row.
    private static IFrame WithGuess(IFrame rows, ClassThresholds thresholds) =>
        rows.SelectExpr("*", $"{RowExpressions.Cuts(thresholds)} AS __cuts")
            .SelectExpr("*", $"{RowExpressions.Confident("__cuts")} AS __confident")
            .SelectExpr("*", $"{RowExpressions.ConfidentGuess("__confident")} AS __guess");
}
