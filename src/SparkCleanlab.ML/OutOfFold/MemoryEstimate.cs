using SparkCleanlab.ML.Data;

namespace SparkCleanlab.ML.OutOfFold;

/// <summary>
/// A deliberately rough upper estimate of one fold's training memory: the featurised rows are
/// cached as floats, and trainers (LightGBM most) hold about two more copies of them.
/// </summary>
internal static class MemoryEstimate
{
    /// <summary>Featurised copies of the training rows one fold holds.</summary>
    internal const int CopiesHeld = 3;

    public static long BytesPerFold(FeatureTable table, int trainingRows)
    {
        long bytesPerRow = 0;
        foreach (FeatureColumn column in table.Columns)
        {
            bytesPerRow += column.Kind switch
            {
                FeatureKind.Numeric or FeatureKind.Vector => sizeof(float) * (long)column.VectorLength,
                FeatureKind.Categorical => 2 * sizeof(float),
                _ => TextBytesPerRow(column),
            };
        }

        return CopiesHeld * bytesPerRow * trainingRows;
    }

    public static long DefaultBudget() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    private static long TextBytesPerRow(FeatureColumn column)
    {
        // Word 1-2-grams and character 3-grams give about three sparse slots (index + value) per character.
        long characters = 0;
        int sampled = Math.Min(column.RowCount, 1000);
        for (int row = 0; row < sampled; row++)
        {
            characters += column.Strings![row]?.Length ?? 0;
        }

        return sampled == 0 ? 0 : 3 * 2 * sizeof(float) * characters / sampled;
    }
}
