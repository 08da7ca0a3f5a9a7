namespace SparkCleanlab.Core.Selection;

/// <summary>Rows of one histogram bucket: how many, and the smallest and largest x among them.</summary>
internal struct SelectionBucket
{
    /// <summary>Rows in the bucket.</summary>
    public long Count;

    /// <summary>Smallest x in the bucket (+infinity when empty).</summary>
    public double Min;

    /// <summary>Largest x in the bucket (-infinity when empty).</summary>
    public double Max;

    /// <summary>An empty bucket.</summary>
    public static SelectionBucket Empty => new() { Min = double.PositiveInfinity, Max = double.NegativeInfinity };

    /// <summary>Adds a row with this x.</summary>
    public void Add(double x)
    {
        Count++;
        if (x < Min)
        {
            Min = x;
        }

        if (x > Max)
        {
            Max = x;
        }
    }

    /// <summary>Adds the rows of another bucket.</summary>
    public void Merge(in SelectionBucket other)
    {
        Count += other.Count;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }
}
