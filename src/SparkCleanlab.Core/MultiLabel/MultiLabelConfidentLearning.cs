using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Core.Validation;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// Confident learning for multi-label data on rows held in memory (the reference's
/// cleanlab.multilabel_classification): each class is a one-vs-rest problem with probabilities
/// <c>[1 - p[k], p[k]]</c>, on which the single-label stages (class statistics, confident joint,
/// exact selection, flagging) run over partitions on worker threads, all K classes in the same
/// passes, with mergeable states.
/// </summary>
public static class MultiLabelConfidentLearning
{
    // Rows judged per step of a partition.
    private const int VerdictChunk = 4096;

    /// <summary>Finds label issues from each row's list of given classes.</summary>
    /// <param name="labels">Per row, the given classes (0..K-1, any order; repeats count once; empty for none).</param>
    /// <param name="probabilities">Out-of-fold predicted probability of each class, row-major, n x K; rows need not sum to one.</param>
    /// <param name="classCount">K, at least 2.</param>
    /// <param name="options">Method and parameters; the reference's defaults when null.</param>
    /// <param name="execution">Partitioning and threads; all cores when null.</param>
    /// <exception cref="InvalidInputException">A row is invalid, a class is given in every row, no class in any, or there are no rows.</exception>
    public static MultiLabelIssueReport FindLabelIssues(IReadOnlyList<IReadOnlyList<int>> labels, double[] probabilities, int classCount, MultiLabelOptions? options = null, InMemoryExecution? execution = null) =>
        FindLabelIssues(ToMemberships(labels, classCount), probabilities, classCount, options, execution);

    /// <summary>Finds label issues from a membership matrix.</summary>
    /// <param name="given">Row-major n x K: true when the class is among the row's given labels.</param>
    /// <param name="probabilities">Out-of-fold predicted probability of each class, row-major, n x K; rows need not sum to one.</param>
    /// <param name="classCount">K, at least 2.</param>
    /// <param name="options">Method and parameters; the reference's defaults when null.</param>
    /// <param name="execution">Partitioning and threads; all cores when null.</param>
    /// <exception cref="InvalidInputException">A probability is outside [0, 1], a class is given in every row, no class in any, or there are no rows.</exception>
    public static MultiLabelIssueReport FindLabelIssues(bool[] given, double[] probabilities, int classCount, MultiLabelOptions? options = null, InMemoryExecution? execution = null)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(probabilities);
        options ??= new MultiLabelOptions();
        // The reference's multi-label scorer takes label matrices of at least two columns only.
        if (classCount < 2)
        {
            throw new InvalidInputException($"Multi-label confident learning needs at least 2 classes, got {classCount}.", -1, -1);
        }

        options.Validate(classCount);
        if (given.Length == 0)
        {
            throw new InvalidInputException("The input has no rows: there is nothing to estimate.", -1, -1);
        }

        var rows = new MultiLabelRows(given, probabilities, classCount, execution ?? InMemoryExecution.Parallel);
        var estimates = Estimate(rows);
        var plan = MultiLabelSelectionPlan.Create(estimates, options, rows.RowCount);
        while (!plan.IsResolved)
        {
            plan.Advance(rows.Aggregate(plan.CreateState, (s, b) => s.Add(b), (a, b) => a.Merge(b)));
        }

        var flagger = new MultiLabelIssueFlagger(estimates, options, plan);
        var n = rows.RowCount;
        var k = classCount;

        // Every element is written below, so the arrays need no zeroing.
        var isIssue = new bool[n];
        var isClassIssue = new bool[n * k];
        var quality = GC.AllocateUninitializedArray<double>(n);
        var classQuality = GC.AllocateUninitializedArray<double>(n * k);
        var ranking = GC.AllocateUninitializedArray<double>(n);
        rows.ForEachPartition(p =>
        {
            var partition = rows.Partition(p);
            for (var offset = 0; offset < partition.Count; offset += VerdictChunk)
            {
                var batch = partition.Slice(offset, Math.Min(VerdictChunk, partition.Count - offset));
                var start = (int)batch.FirstPosition;
                var count = batch.Count;
                flagger.Flag(batch, new MultiLabelVerdicts(
                    isIssue.AsSpan(start, count),
                    isClassIssue.AsSpan(start * k, count * k),
                    quality.AsSpan(start, count),
                    classQuality.AsSpan(start * k, count * k),
                    ranking.AsSpan(start, count)));
            }
        });

        return new MultiLabelIssueReport(
            options,
            estimates,
            isIssue,
            ToMatrix(isClassIssue, n, k),
            quality,
            ToMatrix(classQuality, n, k),
            ConfidentLearning.Rank(isIssue, ranking),
            Health(given, isIssue, isClassIssue, k),
            plan.RoundsRun);
    }

    /// <summary>The row-major n x K membership matrix of per-row class lists (the reference's int2onehot).</summary>
    /// <exception cref="InvalidInputException">A class is outside 0..K-1.</exception>
    public static bool[] ToMemberships(IReadOnlyList<IReadOnlyList<int>> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var given = new bool[labels.Count * classCount];
        for (var i = 0; i < labels.Count; i++)
        {
            foreach (var c in labels[i])
            {
                if ((uint)c >= (uint)classCount)
                {
                    throw new InvalidInputException(
                        $"Row {i}: {InvalidInputException.Describe(InvalidRowReason.LabelOutOfRange, -1, c, [], classCount, 0)}", i, -1, InvalidRowReason.LabelOutOfRange);
                }

                given[(i * classCount) + c] = true;
            }
        }

        return given;
    }

    // Validation rides along with stage 1, so the data is read once for both; the reported row
    // is the first invalid one by position, whatever the thread timing.
    private static MultiLabelEstimates Estimate(MultiLabelRows rows)
    {
        var invalid = new FirstInvalidRow();
        var statistics = rows.Aggregate(
            () => new MultiLabelClassStatistics(rows.ClassCount),
            (s, b) => invalid.Guard(b, batch =>
            {
                MultiLabelRowValidator.ThrowIfInvalid(batch);
                s.Add(batch);
            }),
            (a, b) => a.Merge(b));
        invalid.ThrowIfAny();

        statistics.ThrowIfUnestimable();
        var thresholds = statistics.ToThresholds();
        var joint = rows.Aggregate(() => new MultiLabelJointCounter(thresholds), (s, b) => s.Add(b), (a, b) => a.Merge(b));
        return MultiLabelEstimates.From(statistics, joint);
    }

    private static MultiLabelDatasetHealth Health(bool[] given, bool[] isIssue, bool[] isClassIssue, int k)
    {
        var flaggedGiven = new long[k];
        var flaggedNotGiven = new long[k];
        for (var at = 0; at < isClassIssue.Length; at++)
        {
            if (isClassIssue[at])
            {
                (given[at] ? flaggedGiven : flaggedNotGiven)[at % k]++;
            }
        }

        return MultiLabelDatasetHealth.From(flaggedGiven, flaggedNotGiven, isIssue.AsSpan().Count(true), isIssue.Length);
    }

    private static T[,] ToMatrix<T>(T[] flat, int rows, int columns)
        where T : unmanaged
    {
        var matrix = new T[rows, columns];
        Buffer.BlockCopy(flat, 0, matrix, 0, flat.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        return matrix;
    }
}
