using SparkCleanlab.ML.Errors;

namespace SparkCleanlab.ML.OutOfFold;

/// <summary>
/// Explains a trainer's failure on a fold. ML.NET's own messages rarely name the class that
/// broke it, so when the fold's smallest class is small the failure is reported against it.
/// </summary>
internal static class SmallClassError
{
    /// <summary>Below this many training rows a class is a likely cause of a failure (the reference's CleanLearning default min_examples_per_class).</summary>
    public const int SmallClassRows = 10;

    public static Exception From(Exception failure, string trainerName, FoldPlan plan, int[] labels, int classCount)
    {
        var rowsOfClass = new int[classCount];
        foreach (int row in plan.TrainingRows)
        {
            rowsOfClass[labels[row]]++;
        }

        int smallest = Array.IndexOf(rowsOfClass, rowsOfClass.Min());
        string detail = $"the {trainerName} trainer failed on fold {plan.Fold}, whose {plan.TrainingRows.Length} training rows hold {rowsOfClass[smallest]} of class {smallest} ({failure.Message})";
        return rowsOfClass[smallest] < SmallClassRows
            ? new InsufficientClassDataException(smallest, rowsOfClass[smallest], detail + ".", failure)
            : new InvalidOperationException("Out-of-fold training failed: " + detail + ".", failure);
    }
}
