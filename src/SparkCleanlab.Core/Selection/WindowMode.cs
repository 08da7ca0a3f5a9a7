namespace SparkCleanlab.Core.Selection;

/// <summary>How a window looks at the rows in its range during one round.</summary>
internal enum WindowMode
{
    /// <summary>Counts rows per bucket <c>floor((x - Lo) * Scale)</c>, clamped to the bucket range, with each bucket's min and max x.</summary>
    Histogram,

    /// <summary>Two buckets, <c>x &lt;= Split</c> and above: for ranges too narrow for a scaled histogram.</summary>
    Split,

    /// <summary>Keeps the key and position of every row in range: the boundary bucket is small enough to look at row by row.</summary>
    Collect,
}
