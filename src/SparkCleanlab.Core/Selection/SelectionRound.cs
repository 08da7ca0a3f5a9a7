namespace SparkCleanlab.Core.Selection;

/// <summary>One pass over the data for the groups not yet resolved: a window per group.</summary>
public sealed class SelectionRound
{
    private readonly int[][] _windowsByClass;
    private readonly int[] _windowsForAllRows;

    /// <summary>Creates a round for K classes.</summary>
    public SelectionRound(int number, int classCount, IReadOnlyList<SelectionWindow> windows)
    {
        Number = number;
        ClassCount = classCount;
        Windows = windows;
        WindowArray = windows.ToArray();
        _windowsForAllRows = Enumerable.Range(0, windows.Count).Where(i => windows[i].Group.GivenClass < 0).ToArray();
        _windowsByClass = new int[classCount][];
        for (var k = 0; k < classCount; k++)
        {
            var given = k;
            _windowsByClass[k] = Enumerable.Range(0, windows.Count)
                .Where(i => windows[i].Group.Contains(given))
                .ToArray();
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

    /// <summary>Indices of the windows a row with this label takes part in.</summary>
    public ReadOnlySpan<int> WindowsFor(int label) => label >= 0 ? _windowsByClass[label] : _windowsForAllRows;
}
