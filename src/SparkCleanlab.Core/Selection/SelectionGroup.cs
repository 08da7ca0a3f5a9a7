namespace SparkCleanlab.Core.Selection;

/// <summary>
/// One exact order statistic to find: the <see cref="Count"/> rows of the group with the
/// smallest keys.
/// </summary>
/// <param name="Id">Index of the group in its plan.</param>
/// <param name="Kind">Which key the group orders by.</param>
/// <param name="GivenClass">The rows labeled this class form the group, or -1 for all rows.</param>
/// <param name="OtherClass">The other class of a <see cref="SelectionKeyKind.Margin"/> key, else -1.</param>
/// <param name="Count">How many rows to select.</param>
/// <param name="Size">How many rows the group has.</param>
internal sealed record SelectionGroup(int Id, SelectionKeyKind Kind, int GivenClass, int OtherClass, long Count, long Size)
{
    /// <summary>True when the row with this label belongs to the group.</summary>
    public bool Contains(int label) => GivenClass < 0 || GivenClass == label;
}
