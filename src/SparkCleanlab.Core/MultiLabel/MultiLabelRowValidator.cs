using SparkCleanlab.Core.Validation;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// Checks multi-label rows before they reach any statistic: every probability finite and in
/// [0, 1], so that both sides of each one-vs-rest row, 1 - p and p, are probabilities too.
/// Rows need not sum to one.
/// </summary>
internal static class MultiLabelRowValidator
{
    /// <summary>Throws <see cref="InvalidInputException"/> for the first invalid row of the batch.</summary>
    public static void ThrowIfInvalid(MultiLabelBatch batch)
    {
        var probabilities = batch.Probabilities;
        for (var at = 0; at < probabilities.Length; at++)
        {
            var p = probabilities[at];
            if (p >= 0 && p <= 1)
            {
                continue;
            }

            var reason = double.IsNaN(p) ? InvalidRowReason.ProbabilityNaN
                : double.IsInfinity(p) ? InvalidRowReason.ProbabilityInfinite
                : p < 0 ? InvalidRowReason.ProbabilityNegative
                : InvalidRowReason.ProbabilityAboveOne;
            var row = at / batch.ClassCount;
            var column = at % batch.ClassCount;
            throw InvalidInputException.ForRow(reason, batch.FirstPosition + row, column, -1, batch.Row(row), batch.ClassCount, 0);
        }
    }
}
