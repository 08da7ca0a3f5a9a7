namespace SparkCleanlab.Core.Selection;

/// <summary>One pass over the data for the groups not yet resolved: a window per group.</summary>
internal sealed class SelectionRound
{
    private readonly int[][] _otherWindowsByClass;
    private readonly MarginLanes?[] _lanesByClass;
    private readonly int[] _bucketOffsets;

    /// <summary>Creates a round for K classes.</summary>
    public SelectionRound(int number, int classCount, IReadOnlyList<SelectionWindow> windows)
    {
        Number = number;
        ClassCount = classCount;
        Windows = windows;
        WindowArray = windows.ToArray();
        _bucketOffsets = new int[windows.Count + 1];
        for (var w = 0; w < windows.Count; w++)
        {
            _bucketOffsets[w + 1] = _bucketOffsets[w] + (windows[w].Mode == WindowMode.Collect ? 0 : windows[w].BucketCount);
        }

        _otherWindowsByClass = new int[classCount][];
        _lanesByClass = new MarginLanes?[classCount];
        // Windows by the class whose rows they take, so a round of K(K - 1) windows is laid out in one pass over
        // them instead of one per class.
        var byClass = new List<int>[classCount];
        var everyClass = new List<int>();
        for (var w = 0; w < windows.Count; w++)
        {
            var given = windows[w].Group.GivenClass;
            (given < 0 ? everyClass : (byClass[given] ??= [])).Add(w);
        }

        var lanesSupported = MarginLanes.Supported(classCount);
        for (var k = 0; k < classCount; k++)
        {
            var all = (byClass[k] ?? []).Concat(everyClass).Order().ToArray();
            var laned = lanesSupported ? all.Where(i => MarginLanes.Handles(windows[i])).ToArray() : [];
            _lanesByClass[k] = laned.Length > 0 ? MarginLanes.Create(classCount, windows, laned, _bucketOffsets) : null;
            _otherWindowsByClass[k] = lanesSupported ? all.Where(i => !MarginLanes.Handles(windows[i])).ToArray() : all;
        }
    }

    /// <summary>1 for the first round.</summary>
    public int Number { get; }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>The windows, one per unresolved group.</summary>
    public IReadOnlyList<SelectionWindow> Windows { get; }

    /// <summary>The windows as an array, for the per-row loop.</summary>
    internal SelectionWindow[] WindowArray { get; }

    /// <summary>Buckets of all histogram windows together.</summary>
    internal int BucketTotal => _bucketOffsets[^1];

    /// <summary>The lanes of a given class's margin windows, or null when it has none.</summary>
    internal MarginLanes? LanesFor(int label) => _lanesByClass[label];

    /// <summary>The windows a row with this label takes part in that its class's lanes do not stand for.</summary>
    internal ReadOnlySpan<int> OtherWindowsFor(int label) => _otherWindowsByClass[label];

    /// <summary>A window's buckets in the round's flat bucket array (none for a collect window).</summary>
    internal Range BucketRange(int window) => _bucketOffsets[window].._bucketOffsets[window + 1];
}
