namespace SparkCleanlab.Core.Selection;

/// <summary>One pass over the data for the groups not yet resolved: a window per group.</summary>
public sealed class SelectionRound
{
    private readonly int[][] _windowsByClass;
    private readonly int[][] _otherWindowsByClass;
    private readonly MarginLanes?[] _lanesByClass;
    private readonly int[] _windowsForAllRows;
    private readonly int[] _bucketOffsets;

    /// <summary>Creates a round for K classes.</summary>
    public SelectionRound(int number, int classCount, IReadOnlyList<SelectionWindow> windows)
    {
        Number = number;
        ClassCount = classCount;
        Windows = windows;
        WindowArray = windows.ToArray();
        _bucketOffsets = new int[windows.Count];
        var buckets = 0;
        for (var w = 0; w < windows.Count; w++)
        {
            _bucketOffsets[w] = buckets;
            buckets += windows[w].Mode == WindowMode.Collect ? 0 : windows[w].BucketCount;
        }

        BucketTotal = buckets;
        _windowsForAllRows = Enumerable.Range(0, windows.Count).Where(i => windows[i].Group.GivenClass < 0).ToArray();
        _windowsByClass = new int[classCount][];
        _otherWindowsByClass = new int[classCount][];
        _lanesByClass = new MarginLanes?[classCount];
        var lanesSupported = MarginLanes.Supported(classCount);
        for (var k = 0; k < classCount; k++)
        {
            var given = k;
            _windowsByClass[k] = Enumerable.Range(0, windows.Count)
                .Where(i => windows[i].Group.Contains(given))
                .ToArray();
            var laned = lanesSupported ? _windowsByClass[k].Where(i => MarginLanes.Handles(windows[i])).ToArray() : [];
            _lanesByClass[k] = laned.Length > 0 ? MarginLanes.Create(classCount, windows, laned, _bucketOffsets) : null;
            _otherWindowsByClass[k] = _windowsByClass[k].Except(laned).ToArray();
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
    internal int BucketTotal { get; }

    /// <summary>Indices of the windows a row with this label takes part in.</summary>
    public ReadOnlySpan<int> WindowsFor(int label) => label >= 0 ? _windowsByClass[label] : _windowsForAllRows;

    /// <summary>The lanes of a given class's margin windows, or null when it has none.</summary>
    internal MarginLanes? LanesFor(int label) => label >= 0 ? _lanesByClass[label] : null;

    /// <summary>The windows of a given class that its lanes do not stand for.</summary>
    internal ReadOnlySpan<int> OtherWindowsFor(int label) => label >= 0 ? _otherWindowsByClass[label] : _windowsForAllRows;

    /// <summary>Where a histogram window's buckets start in the round's flat bucket array.</summary>
    internal int BucketOffset(int window) => _bucketOffsets[window];
}
