namespace SparkCleanlab.Core.Selection;

/// <summary>
/// What one round looks at for one group: the rows whose key lies in [<see cref="Lo"/>,
/// <see cref="Hi"/>] (value phase), or, once the boundary is a run of equal keys, the rows with
/// key <see cref="TiedKey"/> whose position lies in [Lo, Hi] (position phase). The bucket of a
/// row is a monotone function of x (the key, or the position as a double), so each bucket holds
/// a contiguous range of x and a cutoff can be read off the cumulative counts.
/// </summary>
internal sealed record SelectionWindow(
    SelectionGroup Group,
    bool PositionPhase,
    WindowMode Mode,
    bool Unbounded,
    double TiedKey,
    double Lo,
    double Hi,
    double Scale,
    double Split,
    int BucketCount)
{
    /// <summary>
    /// The x of a row when it is in this window's range; false when the row was already decided
    /// by an earlier round. Spark mirrors this as a filter expression.
    /// </summary>
    public bool TryGetX(double key, long position, out double x)
    {
        if (PositionPhase)
        {
            x = position;
            return key == TiedKey && x >= Lo && x <= Hi;
        }

        x = key;
        return Unbounded || (key >= Lo && key <= Hi);
    }

    /// <summary>The bucket of x: <c>floor((x - Lo) * Scale)</c> clamped to [0, BucketCount - 1], or the side of <see cref="Split"/>.</summary>
    public int BucketOf(double x)
    {
        if (Mode == WindowMode.Split)
        {
            return x <= Split ? 0 : 1;
        }

        var b = Math.Floor((x - Lo) * Scale);
        return b <= 0 ? 0 : b >= BucketCount - 1 ? BucketCount - 1 : (int)b;
    }
}
