using System.Buffers;
using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Flagging;
using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Core.Validation;

namespace SparkCleanlab.Core;

/// <summary>
/// Confident learning on rows held in memory: the four stages of the plan (class statistics,
/// confident joint, exact selection, flagging) run over partitions on worker threads, with
/// the same mergeable states the engines use.
/// </summary>
public static class ConfidentLearning
{
    // Rows flagged per step of a partition: their verdicts stay in cache until copied out.
    private const int VerdictChunk = 4096;

    /// <summary>Finds label issues (the reference's find_label_issues, plus scores and ranking).</summary>
    /// <param name="labels">Given label per row, 0..K-1.</param>
    /// <param name="probabilities">Out-of-fold predicted probabilities, row-major, n x K.</param>
    /// <param name="classCount">K, at least 2.</param>
    /// <param name="options">Method and parameters; the reference's defaults when null.</param>
    /// <param name="execution">Partitioning and threads; all cores when null.</param>
    /// <exception cref="InvalidInputException">A row is invalid or there are no rows.</exception>
    public static LabelIssueReport FindLabelIssues(int[] labels, double[] probabilities, int classCount, LabelIssueOptions? options = null, InMemoryExecution? execution = null)
    {
        options ??= new LabelIssueOptions();
        if (classCount < 2)
        {
            throw new InvalidInputException($"Confident learning needs at least 2 classes, got {classCount}.", -1, -1);
        }

        options.Validate(classCount);
        if (labels.Length == 0)
        {
            throw new InvalidInputException("The input has no rows: there is nothing to estimate.", -1, -1);
        }

        var rows = new PartitionedRows(labels, probabilities, classCount, execution ?? InMemoryExecution.Parallel);
        var estimates = Estimate(rows, LabelIssueOptions.CountsConfidentMispredictions(options.Method));
        var plan = SelectionPlan.Create(estimates, options, labels.Length);
        while (plan.CurrentRound is { } round)
        {
            plan.Advance(rows.Aggregate(() => new SelectionHistogram(round), (s, b) => s.Add(b), (a, b) => a.Merge(b)));
        }

        var flagger = new IssueFlagger(estimates, options, plan);

        // Every element is written below, so the arrays need no zeroing.
        var isIssue = new bool[labels.Length];
        var quality = GC.AllocateUninitializedArray<double>(labels.Length);
        var suggested = GC.AllocateUninitializedArray<int>(labels.Length);
        rows.ForEachPartition(p =>
        {
            var verdicts = ArrayPool<RowVerdict>.Shared.Rent(VerdictChunk);
            var partition = rows.Partition(p);
            for (var offset = 0; offset < partition.Count; offset += VerdictChunk)
            {
                var batch = partition.Slice(offset, Math.Min(VerdictChunk, partition.Count - offset));
                flagger.Flag(batch, verdicts);
                var start = (int)batch.FirstPosition;
                for (var i = 0; i < batch.Count; i++)
                {
                    isIssue[start + i] = verdicts[i].IsLabelIssue;
                    quality[start + i] = verdicts[i].LabelQuality;
                    suggested[start + i] = verdicts[i].SuggestedLabel;
                }
            }

            ArrayPool<RowVerdict>.Shared.Return(verdicts);
        });

        return new LabelIssueReport(options, estimates, isIssue, quality, suggested, Rank(isIssue, quality), plan.RoundsRun);
    }

    /// <summary>Stages 1 and 2 only: thresholds, confident joint and everything derived from them.</summary>
    public static NoiseEstimates EstimateNoise(int[] labels, double[] probabilities, int classCount, InMemoryExecution? execution = null)
    {
        var rows = new PartitionedRows(labels, probabilities, classCount, execution ?? InMemoryExecution.Parallel);
        return Estimate(rows);
    }

    /// <summary>Indices of the flagged rows ordered by score, then index: the tie rule of the ranking.</summary>
    public static int[] Rank(bool[] isIssue, double[] scores)
    {
        var count = isIssue.AsSpan().Count(true);
        var indices = new int[count];

        // The keys are scratch: only the order is returned.
        var keys = ArrayPool<double>.Shared.Rent(count);
        var next = 0;
        for (var i = 0; i < isIssue.Length; i++)
        {
            if (isIssue[i])
            {
                indices[next] = i;
                keys[next++] = scores[i];
            }
        }

        StableOrder.Sort(keys.AsSpan(0, count), indices);
        ArrayPool<double>.Shared.Return(keys);
        return indices;
    }

    // Validation rides along with stage 1, so the data is read once for both; the reported row
    // is the first invalid one by position, whatever the thread timing.
    private static NoiseEstimates Estimate(PartitionedRows rows, bool countConfidentMispredictions = false)
    {
        var k = rows.ClassCount;
        var validator = new RowValidator(k);
        var invalid = new FirstInvalidRow();
        var statistics = rows.Aggregate(
            () => new ClassStatistics(k),
            (s, b) => invalid.Guard(b, batch =>
            {
                validator.ThrowIfInvalid(batch);
                s.Add(batch);
            }),
            (a, b) => a.Merge(b));
        invalid.ThrowIfAny();

        var thresholds = statistics.ToThresholds();
        var joint = rows.Aggregate(() => new ConfidentJointCounter(thresholds, countConfidentMispredictions), (s, b) => s.Add(b), (a, b) => a.Merge(b));
        return NoiseEstimates.From(statistics, joint);
    }
}
