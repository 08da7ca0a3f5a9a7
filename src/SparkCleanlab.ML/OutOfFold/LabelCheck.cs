using SparkCleanlab.ML.Errors;

namespace SparkCleanlab.ML.OutOfFold;

/// <summary>Checks labels before any training: one per row, each in 0..K-1, every class present.</summary>
internal static class LabelCheck
{
    public static int[] Validate(ReadOnlySpan<int> labels, int rowCount, int classCount, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        if (labels.Length != rowCount)
        {
            throw new ArgumentException($"There are {labels.Length} labels for {rowCount} feature rows; give one label per row.", nameof(labels));
        }

        if (rowCount < folds)
        {
            throw new ArgumentException($"{rowCount} rows cannot be split into {folds} folds; use fewer folds or more rows.", nameof(labels));
        }

        var rowsOfClass = new int[classCount];
        for (int row = 0; row < labels.Length; row++)
        {
            if ((uint)labels[row] >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[row], $"Row {row} has label {labels[row]}, outside 0..{classCount - 1}.");
            }

            rowsOfClass[labels[row]]++;
        }

        for (int k = 0; k < classCount; k++)
        {
            if (rowsOfClass[k] == 0)
            {
                throw new InsufficientClassDataException(k, 0, "no row carries this label, so no model can learn it.");
            }
        }

        return labels.ToArray();
    }
}
