namespace SparkCleanlab.Core.Selection;

/// <summary>
/// The boundary of a resolved group: a row is selected when its key is below
/// <see cref="Key"/>, or equal to it with a position at most <see cref="Position"/>.
/// This is the tie rule: among rows with equal keys, lower positions are selected first.
/// </summary>
/// <param name="Key">The key of the last selected row.</param>
/// <param name="Position">The position of the last selected row among those with key <see cref="Key"/>.</param>
internal readonly record struct SelectionCutoff(double Key, long Position)
{
    /// <summary>Selects every row.</summary>
    public static SelectionCutoff All => new(double.PositiveInfinity, long.MaxValue);

    /// <summary>Selects no row.</summary>
    public static SelectionCutoff None => new(double.NegativeInfinity, -1);

    /// <summary>True when the row with this key and position is selected.</summary>
    public bool Selects(double key, long position) => key < Key || (key == Key && position <= Position);
}
