namespace SparkCleanlab.Local.Validation;

/// <summary>Which rows of a batch are valid, for the views that compact a batch to its valid rows.</summary>
internal static class ValidRowIndex
{
    /// <summary>
    /// Writes the batch row of every valid row, in row order, into <paramref name="rows"/> (whose length is the
    /// count of valid rows); <paramref name="invalid"/> is in row order.
    /// </summary>
    public static void Fill(IReadOnlyList<InvalidRow> invalid, Span<int> rows)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        var next = 0;
        var kept = 0;
        for (var row = 0; kept < rows.Length; row++)
        {
            if (next < invalid.Count && invalid[next].Row == row)
            {
                next++;
                continue;
            }

            rows[kept++] = row;
        }
    }
}
