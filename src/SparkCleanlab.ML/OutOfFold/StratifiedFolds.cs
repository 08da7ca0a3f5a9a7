namespace SparkCleanlab.ML.OutOfFold;

/// <summary>
/// Stratified K-fold assignment: each class's rows are shuffled with a seeded generator and
/// dealt round-robin over the folds, so every fold holds each class in proportion (within one
/// row) and the same seed always gives the same folds. Each class starts dealing where the
/// previous one stopped, which keeps fold sizes within one row of each other overall.
/// </summary>
internal static class StratifiedFolds
{
    /// <summary>The fold (0..<paramref name="foldCount"/>-1) of every row.</summary>
    /// <param name="labels">Class index 0..K-1 per row.</param>
    /// <param name="classCount">K.</param>
    /// <param name="foldCount">The number of folds, at least 2.</param>
    /// <param name="seed">Seeds the per-class shuffle.</param>
    public static int[] Assign(ReadOnlySpan<int> labels, int classCount, int foldCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(foldCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        var rowsOfClass = new List<int>[classCount];
        for (int k = 0; k < classCount; k++)
        {
            rowsOfClass[k] = [];
        }

        for (int row = 0; row < labels.Length; row++)
        {
            rowsOfClass[labels[row]].Add(row);
        }

        var random = new Random(seed);
        var foldOfRow = new int[labels.Length];
        int nextFold = 0;
        foreach (List<int> rows in rowsOfClass)
        {
            int[] shuffled = rows.ToArray();
            random.Shuffle(shuffled);
            foreach (int row in shuffled)
            {
                foldOfRow[row] = nextFold;
                nextFold = (nextFold + 1) % foldCount;
            }
        }

        return foldOfRow;
    }
}
