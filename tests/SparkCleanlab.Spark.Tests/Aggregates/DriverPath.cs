using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Flagging;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.SparkPlan;

namespace SparkCleanlab.Spark.Tests.Aggregates;

/// <summary>
/// The two ways to the flagged rows: the Spark driver's (stage results read through the plan's
/// <c>FromRows</c>) and the in-memory Core's (states built from the rows and merged).
/// </summary>
public static class DriverPath
{
    /// <summary>The flagged positions when every stage result comes back shaped as Spark returns it.</summary>
    public static SortedSet<long> FromSparkShapedResults(PartitionedCase data, LabelIssueOptions options)
    {
        var rows = new RowExpressions(data.ClassCount);
        var statistics = new ClassStatisticsStage(rows).FromRows(SparkShapedResults.ClassStatistics(data));
        var thresholds = statistics.ToThresholds();
        var counter = new ConfidentJointStage(rows, thresholds).FromRows(SparkShapedResults.ConfidentJoint(data, thresholds));
        var estimates = NoiseEstimates.From(statistics, counter);
        var plan = SelectionPlan.Create(estimates, options, data.PositionLimit);
        while (plan.CurrentRound is { } round)
        {
            plan.Advance(new SelectionRoundStage(rows, round).FromRows(SparkShapedResults.Selection(data, round)));
        }

        return Flagged(data, new IssueFlagger(estimates, options, plan));
    }

    /// <summary>The flagged positions of the in-memory Core, one state per file, merged.</summary>
    public static SortedSet<long> InMemory(PartitionedCase data, LabelIssueOptions options)
    {
        var statistics = new ClassStatistics(data.ClassCount);
        for (var f = 0; f < data.Files.Count; f++)
        {
            var part = new ClassStatistics(data.ClassCount);
            part.Add(data.File(f));
            statistics.Merge(part);
        }

        var thresholds = statistics.ToThresholds();
        var counter = new ConfidentJointCounter(thresholds);
        for (var f = 0; f < data.Files.Count; f++)
        {
            counter.Add(data.File(f));
        }

        var estimates = NoiseEstimates.From(statistics, counter);
        var plan = SelectionPlan.Create(estimates, options, data.PositionLimit);
        while (plan.CurrentRound is { } round)
        {
            var merged = new SelectionHistogram(round);
            for (var f = 0; f < data.Files.Count; f++)
            {
                var part = new SelectionHistogram(round);
                part.Add(data.File(f));
                merged.Merge(part);
            }

            plan.Advance(merged);
        }

        return Flagged(data, new IssueFlagger(estimates, options, plan));
    }

    private static SortedSet<long> Flagged(PartitionedCase data, IssueFlagger flagger)
    {
        var flagged = new SortedSet<long>();
        foreach (var (_, label, row, position) in data.Rows())
        {
            if (flagger.IsIssue(row, label, position))
            {
                flagged.Add(position);
            }
        }

        return flagged;
    }
}
