using SparkCleanlab.Plan;
using System.Collections;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Spark.Sql;
using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Health;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Validation;
using SparkCleanlab.Options;
using SparkCleanlab.Plan.Reporting;
using SparkCleanlab.SparkPlan;
using static Microsoft.Spark.Sql.Functions;

namespace SparkCleanlab.Spark;

/// <summary>
/// find-issues on Spark: the four stages of DESIGN.md as Spark SQL aggregations over the input,
/// with the K x K math on the driver from the Core. Rows never come to the driver; each stage
/// brings back at most K^2 rows, a selection round one row per histogram bucket.
/// </summary>
internal sealed class SparkFindIssuesJob(FindIssuesOptions options)
{
    /// <summary>Runs the job and commits the output; returns the exit code.</summary>
    public int Run(TextWriter log)
    {
        var spark = SparkSession.Builder().AppName("sparkcleanlab").GetOrCreate();
        var files = new HadoopFiles(spark);
        var output = options.Output.TrimEnd('/');
        if (files.Exists(output) && !options.Overwrite)
        {
            throw new Options.Parsing.UsageException($"The output {output} exists; pass --overwrite to replace it.");
        }

        var timings = new StageTimings();
        var lap = Stopwatch.StartNew();

        var staging = $"{output}.sparkcleanlab-{spark.SparkContext.GetConf().Get("spark.app.id", "run")}";
        files.Delete(staging);
        var input = InputFrame.Read(spark, options);
        try
        {
            options.Issues.Validate(input.ClassCount);
        }
        catch (ArgumentException e)
        {
            throw new Options.Parsing.UsageException(e.Message);
        }

        var rows = new RowExpressions(input.ClassCount);

        // Stage 1: per (validity, label) counts and exact self-confidence sums; invalid rows only counted.
        var classStage = new ClassStatisticsStage(rows);
        var stage1 = input.Rows
            .WithColumn(ClassStatisticsStage.Valid, Expr(ClassStatisticsStage.ValidExpression))
            .GroupBy(classStage.GroupBy[0], classStage.GroupBy[1])
            .Agg(Expr(classStage.Aggregations[0]), Expr(classStage.Aggregations[1]))
            .Collect().ToList();
        var invalid = stage1.Where(r => !r.GetAs<bool>(0)).Sum(r => Convert.ToInt64(r.Get(2)));
        if (invalid > 0 && options.InvalidRows == InvalidRowPolicy.Fail)
        {
            throw FirstInvalidRow(input);
        }

        var statistics = classStage.FromRows(stage1.Where(r => r.GetAs<bool>(0))
            .Select(r => (r.GetAs<int>(1), Convert.ToInt64(r.Get(2)), (string)r.Get(3))));
        var thresholds = statistics.ToThresholds();
        log.WriteLine($"stage 1: {statistics.RowCount} valid rows, {invalid} invalid, K = {input.ClassCount}");
        Lap(timings, lap, "class-statistics");

        // Stage 2: the confident joint, thresholds as literals.
        var jointStage = new ConfidentJointStage(rows, thresholds);
        var stage2 = input.Valid
            .WithColumn(ConfidentJointStage.Guess, Expr(jointStage.GuessExpression))
            .Filter(jointStage.Filter)
            .GroupBy(Col(PlanColumns.Label), Col(ConfidentJointStage.Guess))
            .Agg(Expr(jointStage.Aggregations[0]), Expr(jointStage.Aggregations[1]))
            .Collect()
            .Select(r => (r.GetAs<int>(0), r.GetAs<int>(1), Convert.ToInt64(r.Get(2)), Convert.ToInt64(r.Get(3))));
        var estimates = NoiseEstimates.From(statistics, jointStage.FromRows(stage2));
        log.WriteLine($"stage 2: num_label_issues = {estimates.NumLabelIssues()}");
        Lap(timings, lap, "confident-joint");

        // Stage 3: exact per-group cutoffs, one histogram aggregation per round.
        var positionLimit = 1L << 53;
        var plan = SelectionPlan.Create(estimates, options.Issues, positionLimit);
        while (plan.CurrentRound is { } round)
        {
            var roundStage = new SelectionRoundStage(rows, round);
            var aggregations = roundStage.Aggregations.Select(Expr).ToArray();
            var result = input.Valid
                .Select(Explode(Expr(roundStage.Entries)).As(SelectionRoundStage.Entry), Col(PlanColumns.Position))
                .SelectExpr([.. roundStage.EntryColumns])
                .GroupBy(roundStage.GroupBy[0], roundStage.GroupBy[1])
                .Agg(aggregations[0], aggregations[1..])
                .Collect()
                .Select(ToSelectionAggregate);
            plan.Advance(roundStage.FromRows(result));
            log.WriteLine($"stage 3: round {round.Number}, {round.Windows.Count} groups");
            Lap(timings, lap, $"select-{round.Number}");
        }

        // Stage 4: flag with the cutoffs as literals, write.
        var flags = new FlagStage(rows, estimates, options.Issues, plan);
        var suggested = input.ClassNames is { } names
            ? $"element_at(array({string.Join(", ", names.Select(SqlLiteral.String))}), {flags.SuggestedLabel} + 1)"
            : flags.SuggestedLabel;
        var flagged = input.Valid
            .WithColumn("is_label_issue", Expr(flags.IsLabelIssue))
            .WithColumn("label_quality", Expr(flags.LabelQuality))
            .WithColumn("suggested_label", Expr(suggested));
        var user = input.UserColumns.Select(c => Col(c)).ToArray();

        flagged.Filter("NOT is_label_issue").Select(user).Write().Parquet($"{staging}/cleaned");
        var issues = IssueRanking.Rank(spark, flagged.Filter("is_label_issue"));
        var method = Options.Parsing.OptionValues.SnakeCase(options.Issues.Method.ToString());
        issues.Select([.. user, Col("label_quality"), Col("suggested_label"), Lit(method).As("method"), Col("issue_rank")]).Write().Parquet($"{staging}/issues");
        var issueCount = issues.Count();
        if (options.Annotated)
        {
            flagged.Select([.. user, Col("is_label_issue"), Col("label_quality"), Col("suggested_label")]).Write().Parquet($"{staging}/annotated");
        }

        if (invalid > 0)
        {
            var reasons = string.Join(" ", Enum.GetValues<InvalidRowReason>().Select(r => $"WHEN {(int)r} THEN {SqlLiteral.String(r.ToString())}"));
            input.Rows.Filter($"{PlanColumns.Invalid} <> 0")
                .Select([.. user, Expr($"CASE {PlanColumns.Invalid} {reasons} END").As("invalid_reason")])
                .Write().Parquet($"{staging}/invalid");
        }

        Lap(timings, lap, "flag-and-write");
        var run = new RunResult
        {
            Engine = "spark",
            OutputPath = output,
            InputRows = statistics.RowCount + invalid,
            InvalidRows = invalid,
            IssueRows = issueCount,
            ClassNames = input.ClassNames ?? Enumerable.Range(0, input.ClassCount).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray(),
            Estimates = estimates,
            Health = DatasetHealth.From(estimates),
            SelectionRounds = plan.RoundsRun,
            Timings = timings,
        };
        files.WriteText($"{staging}/summary.json", SummaryDocument.Serialize(SummaryDocument.Build(run, options, threads: null)));
        files.WriteText($"{staging}/report.html", HtmlReport.Render(run));
        Commit(files, staging, output);
        log.WriteLine($"committed {output}: {issueCount} label issues");
        spark.Stop();
        return ExitCodes.Success;
    }

    // The old output, if any, stays in place until the new one is complete: it moves aside,
    // the staging folder takes its name, then the old one goes, and _SUCCESS comes last.
    private static void Commit(HadoopFiles files, string staging, string output)
    {
        var aside = $"{staging}.previous";
        var replacing = files.Exists(output);
        if (replacing)
        {
            files.Rename(output, aside);
        }

        files.Rename(staging, output);
        if (replacing)
        {
            files.Delete(aside);
        }

        files.WriteText($"{output}/_SUCCESS", string.Empty);
    }

    private static void Lap(StageTimings timings, Stopwatch lap, string stage)
    {
        timings.Add(stage, lap.Elapsed);
        lap.Restart();
    }

    private static InvalidInputException FirstInvalidRow(InputFrame input)
    {
        var row = input.Rows.Filter($"{PlanColumns.Invalid} <> 0")
            .Select(InputProjection.FilePath, InputProjection.RowIndex, PlanColumns.Invalid)
            .Head();
        var reason = (InvalidRowReason)row.GetAs<int>(2);
        return new InvalidInputException(
            $"{row.Get(0)}, row {row.Get(1)}: {reason} (use --invalid-rows quarantine to set such rows aside).", -1, -1);
    }

    private static SelectionAggregate ToSelectionAggregate(Row row)
    {
        var candidates = new List<(double, long)>();
        if (row.Get(5) is IEnumerable list)
        {
            foreach (Row candidate in list)
            {
                candidates.Add((Convert.ToDouble(candidate.Get(0)), Convert.ToInt64(candidate.Get(1))));
            }
        }

        return new SelectionAggregate(row.GetAs<int>(0), row.GetAs<int>(1), Convert.ToInt64(row.Get(2)),
            Convert.ToDouble(row.Get(3)), Convert.ToDouble(row.Get(4)), candidates);
    }
}
