namespace SparkCleanlab.Core.Selection;

/// <summary>A row near a cutoff, kept by a <see cref="WindowMode.Collect"/> window: its key and position.</summary>
/// <param name="Key">The row's key in the group.</param>
/// <param name="Position">The row's position.</param>
internal readonly record struct SelectionCandidate(double Key, long Position) : IComparable<SelectionCandidate>
{
    /// <summary>Orders by key, then by position: the tie rule.</summary>
    public int CompareTo(SelectionCandidate other)
    {
        var byKey = Key.CompareTo(other.Key);
        return byKey != 0 ? byKey : Position.CompareTo(other.Position);
    }
}
