using System.Numerics;
using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;

namespace SparkCleanlab.Core.Selection;

/// <summary>
/// Stage 3 on the driver: the exact per-group order statistics that the prune methods and the
/// low-score methods need, found without sorting the data. Each round, every unresolved group
/// gets a histogram of its keys over the range that still holds its cutoff; the bucket where
/// the cumulative count reaches the wanted count becomes the next range. Once that range holds
/// few rows they are collected and the cutoff is read off exactly; a run of equal keys
/// continues on positions, which is the tie rule: lower position first.
/// </summary>
internal sealed class SelectionPlan
{
    /// <summary>A boundary range with at most this many rows is collected row by row.</summary>
    public const int CollectLimit = 4096;

    /// <summary>A round's state stays near this many buckets when the groups are small, so it stays in cache.</summary>
    public const int CacheFriendlyBuckets = 1 << 13;

    /// <summary>A round collects at most this many rows (16 bytes each) over all its collect windows, unless one window alone has more.</summary>
    public const int MaxCollectedRows = 1 << 22;

    /// <summary>A round's state never holds more buckets than this (24 bytes each).</summary>
    public const int MaxBuckets = 1 << 21;

    // Below this width B / (hi - lo) could overflow; such ranges are halved instead.
    private const double MinScaledWidth = 1e-280;

    private readonly GroupProgress?[] _progress;
    private readonly SelectionCutoff[] _cutoffs;
    private readonly int _classCount;
    private readonly double _positionLimit;

    private SelectionPlan(int classCount, IReadOnlyList<SelectionGroup> groups, long positionLimit)
    {
        _classCount = classCount;
        Groups = groups;
        _positionLimit = positionLimit;
        _cutoffs = new SelectionCutoff[groups.Count];
        _progress = new GroupProgress[groups.Count];
        foreach (var group in groups)
        {
            if (group.Count <= 0)
            {
                _cutoffs[group.Id] = SelectionCutoff.None;
            }
            else if (group.Count >= group.Size)
            {
                _cutoffs[group.Id] = SelectionCutoff.All;
            }
            else
            {
                _progress[group.Id] = GroupProgress.Start(group);
            }
        }

        CurrentRound = NextRound();
    }

    /// <summary>The groups to resolve, indexed by <see cref="SelectionGroup.Id"/>.</summary>
    public IReadOnlyList<SelectionGroup> Groups { get; }

    /// <summary>The round to run next, or null when every group is resolved.</summary>
    public SelectionRound? CurrentRound { get; private set; }

    /// <summary>Rounds run so far.</summary>
    public int RoundsRun { get; private set; }

    /// <summary>True when every cutoff is known.</summary>
    public bool IsResolved => CurrentRound is null;

    /// <summary>The cutoffs, one per group; only once resolved.</summary>
    public IReadOnlyList<SelectionCutoff> Cutoffs => IsResolved
        ? _cutoffs
        : throw new InvalidOperationException("The selection plan has rounds left to run.");

    /// <summary>The plan for the chosen method, from the driver's estimates.</summary>
    /// <param name="estimates">Stage 1 and 2 results.</param>
    /// <param name="options">The find-label-issues options.</param>
    /// <param name="positionLimit">An exclusive upper bound of row positions (at most 2^53, so positions are exact as doubles).</param>
    public static SelectionPlan Create(NoiseEstimates estimates, LabelIssueOptions options, long positionLimit)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(positionLimit, 1L << 53);
        var groups = new List<SelectionGroup>();
        var counts = estimates.LabelCounts;
        var k = estimates.ClassCount;
        var method = options.Method;
        if (LabelIssueOptions.IsPruneMethod(method))
        {
            var prune = estimates.PruneCounts(options.MinExamplesPerClass, options.FracNoise, options.NumToRemovePerClass);
            for (var given = 0; given < k; given++)
            {
                // The reference skips classes with at most min_examples_per_class rows, and never
                // applies a one-row class's mask.
                if (counts[given] <= options.MinExamplesPerClass || counts[given] <= 1)
                {
                    continue;
                }

                if (method is FilterMethod.PruneByNoiseRate or FilterMethod.Both)
                {
                    for (var other = 0; other < k; other++)
                    {
                        if (other != given && prune[other, given] > 0)
                        {
                            groups.Add(new SelectionGroup(groups.Count, SelectionKeyKind.Margin, given, other, prune[other, given], counts[given]));
                        }
                    }
                }

                if (method is FilterMethod.PruneByClass or FilterMethod.Both)
                {
                    var toRemove = counts[given] - prune[given, given];
                    if (toRemove >= 1)
                    {
                        groups.Add(new SelectionGroup(groups.Count, SelectionKeyKind.ClassProbability, given, -1, toRemove, counts[given]));
                    }
                }
            }
        }
        else if (method is FilterMethod.LowSelfConfidence or FilterMethod.LowNormalizedMargin or FilterMethod.LowSelfConfidenceBatched)
        {
            var kind = method == FilterMethod.LowNormalizedMargin ? SelectionKeyKind.NormalizedMargin : SelectionKeyKind.SelfConfidence;
            var count = LabelIssueOptions.CountsConfidentMispredictions(method) ? estimates.ConfidentMispredictions : estimates.NumLabelIssues();
            groups.Add(new SelectionGroup(0, kind, -1, -1, count, estimates.RowCount));
        }

        return new SelectionPlan(k, groups, positionLimit);
    }

    /// <summary>
    /// A plan with one group: the <paramref name="count"/> smallest keys among <paramref name="size"/>
    /// rows, read from one-class batches whose only probability is the row's key. For keys no
    /// single-label kind computes, such as the multi-label aggregated label quality score.
    /// </summary>
    /// <param name="count">How many rows to select.</param>
    /// <param name="size">How many rows there are.</param>
    /// <param name="positionLimit">An exclusive upper bound of row positions (at most 2^53).</param>
    public static SelectionPlan LowestKeys(long count, long size, long positionLimit)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(positionLimit, 1L << 53);
        return new SelectionPlan(1, [new SelectionGroup(0, SelectionKeyKind.SelfConfidence, -1, -1, count, size)], positionLimit);
    }

    /// <summary>Reads the merged state of the current round and prepares the next one.</summary>
    public void Advance(SelectionHistogram merged)
    {
        var round = CurrentRound ?? throw new InvalidOperationException("The selection plan is already resolved.");
        if (!ReferenceEquals(merged.Round, round))
        {
            throw new ArgumentException("The state belongs to another round.", nameof(merged));
        }

        for (var w = 0; w < round.Windows.Count; w++)
        {
            var window = round.Windows[w];
            var id = window.Group.Id;
            var progress = _progress[id]!;
            if (window.Mode == WindowMode.Collect)
            {
                _cutoffs[id] = progress.ResolveFromCandidates(merged.Candidates(w));
                _progress[id] = null;
            }
            else if (progress.Narrow(window, merged.Buckets(w), _positionLimit) is { } cutoff)
            {
                _cutoffs[id] = cutoff;
                _progress[id] = null;
            }
        }

        RoundsRun++;
        CurrentRound = NextRound();
    }

    private SelectionRound? NextRound()
    {
        var pending = _progress.Where(p => p is not null).Select(p => p!).ToList();
        if (pending.Count == 0)
        {
            return null;
        }

        var cacheFriendly = Math.Clamp(BitFloor(CacheFriendlyBuckets / pending.Count), 16, 1024);
        var cap = Math.Clamp(BitFloor(MaxBuckets / pending.Count), 16, 1 << 14);
        var collect = CollectedNow(pending);
        var windows = pending.Select(p => p.Window(BucketsFor(p.RowsInRange, cacheFriendly, cap), collect.Contains(p))).ToList();
        return new SelectionRound(RoundsRun + 1, _classCount, windows);
    }

    // A collect window keeps every row of its range, so with K(K - 1) groups (K = 1000) collecting them all in one
    // round would hold tens of millions of rows. The smallest ranges are collected, up to MaxCollectedRows in all
    // (always at least one, so every round makes progress); the rest get one more histogram round first.
    private static HashSet<GroupProgress> CollectedNow(List<GroupProgress> pending)
    {
        var collected = new HashSet<GroupProgress>();
        long rows = 0;
        foreach (var progress in pending.Where(p => p.CanCollect).OrderBy(p => p.RowsInRange).ThenBy(p => p.Group.Id))
        {
            if (collected.Count > 0 && rows + progress.RowsInRange > MaxCollectedRows)
            {
                break;
            }

            rows += progress.RowsInRange;
            collected.Add(progress);
        }

        return collected;
    }

    // Enough buckets that the boundary bucket of an even spread of keys can be collected in the
    // next round, which saves a whole pass over large groups; never fewer than fit in cache,
    // never more than the cap.
    private static int BucketsFor(long rows, long cacheFriendly, long cap)
    {
        var needed = BitCeil(((2 * rows) + CollectLimit - 1) / CollectLimit);
        return (int)Math.Min(Math.Max(cacheFriendly, needed), cap);
    }

    private static long BitCeil(long value) => (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(value, 1));

    private static long BitFloor(long value) => 1L << BitOperations.Log2((ulong)Math.Max(value, 1));

    /// <summary>Where one group's cutoff is known to lie, between rounds.</summary>
    private sealed class GroupProgress
    {
        private GroupProgress(SelectionGroup group, long need)
        {
            Group = group;
            Need = need;
        }

        public SelectionGroup Group { get; }

        // Rows still to select from the current range; rows below it are already selected.
        public long Need { get; private set; }

        public bool Unbounded { get; private set; } = true;

        public bool PositionPhase { get; private set; }

        public double TiedKey { get; private set; }

        public double Lo { get; private set; }

        public double Hi { get; private set; }

        // Rows in the current range, or -1 before the first round.
        public long RangeCount { get; private set; } = -1;

        public long RowsInRange => RangeCount >= 0 ? RangeCount : Group.Size;

        public static GroupProgress Start(SelectionGroup group)
        {
            var progress = new GroupProgress(group, group.Count);
            (progress.Lo, progress.Hi) = group.Kind == SelectionKeyKind.Margin ? (-1.0, 1.0) : (0.0, 1.0);
            return progress;
        }

        // A range of one position (Hi == Lo) holds one row: it cannot be bucketed, so it can always be collected.
        public bool CanCollect => RangeCount >= 0 && (RangeCount <= CollectLimit || Hi == Lo);

        public SelectionWindow Window(int buckets, bool collect)
        {
            if (collect || (CanCollect && Hi == Lo))
            {
                return new SelectionWindow(Group, PositionPhase, WindowMode.Collect, false, TiedKey, Lo, Hi, 0, 0, 0);
            }

            if (!PositionPhase && Hi - Lo < MinScaledWidth)
            {
                var split = Lo + ((Hi - Lo) / 2);
                return new SelectionWindow(Group, false, WindowMode.Split, false, TiedKey, Lo, Hi, 0, split, 2);
            }

            return new SelectionWindow(Group, PositionPhase, WindowMode.Histogram, Unbounded, TiedKey, Lo, Hi, buckets / (Hi - Lo), 0, buckets);
        }

        public SelectionCutoff? Narrow(SelectionWindow window, ReadOnlySpan<SelectionBucket> buckets, double positionLimit)
        {
            long cumulative = 0;
            for (var b = 0; b < buckets.Length; b++)
            {
                var bucket = buckets[b];
                if (cumulative + bucket.Count < Need)
                {
                    cumulative += bucket.Count;
                    continue;
                }

                if (cumulative + bucket.Count == Need)
                {
                    return PositionPhase
                        ? new SelectionCutoff(TiedKey, (long)bucket.Max)
                        : new SelectionCutoff(bucket.Max, long.MaxValue);
                }

                Need -= cumulative;
                RangeCount = bucket.Count;
                Unbounded = false;
                if (!PositionPhase && bucket.Min == bucket.Max)
                {
                    PositionPhase = true;
                    TiedKey = bucket.Min;
                    (Lo, Hi) = (0, positionLimit - 1);
                }
                else
                {
                    (Lo, Hi) = (bucket.Min, bucket.Max);
                }

                return null;
            }

            throw new InvalidOperationException(
                $"Selection round {window.Mode} for group {Group.Id} saw {cumulative} rows but needs {Need}: the input changed between passes.");
        }

        public SelectionCutoff ResolveFromCandidates(IReadOnlyList<SelectionCandidate> candidates)
        {
            if (candidates.Count < Need)
            {
                throw new InvalidOperationException(
                    $"Selection group {Group.Id} collected {candidates.Count} rows but needs {Need}: the input changed between passes.");
            }

            var sorted = candidates.ToArray();
            Array.Sort(sorted);
            var last = sorted[Need - 1];
            return new SelectionCutoff(last.Key, last.Position);
        }
    }
}
