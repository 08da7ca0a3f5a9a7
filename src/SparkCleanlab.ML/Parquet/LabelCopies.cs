using System.Globalization;
using SparkCleanlab.ML.Data;

namespace SparkCleanlab.ML.Parquet;

/// <summary>
/// Finds a feature column that repeats the given label: a model trained on it predicts the given label, right or
/// wrong, so confident learning would find no label issues.
/// </summary>
internal static class LabelCopies
{
    /// <summary>The share of rows on which a column must equal the label to count as a copy.</summary>
    public const double Threshold = 0.99;

    /// <summary>The first column equal to the label on at least <see cref="Threshold"/> of the rows, with that share; null when none is.</summary>
    /// <remarks>
    /// A number equals the label when it is the label's class index; a category or text equals it when it is the
    /// class name (or the class index as text, for unnamed classes).
    /// </remarks>
    public static (string Column, double Share)? Find(FeatureData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int rows = data.Labels.Length;
        if (rows == 0) return null;
        // Each class's text once, not once per row of every category or text column.
        IReadOnlyList<string> classText = data.ClassNames
            ?? Enumerable.Range(0, data.ClassCount).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (FeatureColumn column in data.Table.Columns)
        {
            int equal = 0;
            for (int row = 0; row < rows; row++)
            {
                int label = data.Labels[row];
                bool same = column.Kind switch
                {
                    FeatureKind.Numeric => column.Numbers![row] == label,
                    FeatureKind.Categorical or FeatureKind.Text => column.Strings![row] == classText[label],
                    _ => false,
                };
                if (same) equal++;
            }

            double share = (double)equal / rows;
            if (share >= Threshold) return (column.Name, share);
        }

        return null;
    }
}
