namespace SparkCleanlab.ML.OutOfFold;

/// <summary>Out-of-fold class probabilities: row r's K probabilities come from the one model that did not train on row r.</summary>
/// <param name="Probabilities">Row-major N x K probabilities, aligned with the input rows; each row sums to 1.</param>
/// <param name="ClassCount">K.</param>
/// <param name="FoldOfRow">The fold that held out each row; -1 when the probabilities came from elsewhere.</param>
public sealed record OutOfFoldPredictions(double[] Probabilities, int ClassCount, int[] FoldOfRow)
{
    /// <summary>
    /// The trainer each fold's model was fitted with, by fold: a cross-validated trainer's
    /// choice (e.g. "lbfgs l2=10"), else the trainer's own name; empty when no fold made these.
    /// </summary>
    public IReadOnlyList<string> FoldTrainers { get; init; } = [];

    /// <summary>N, the number of rows.</summary>
    public int RowCount => FoldOfRow.Length;

    /// <summary>The K probabilities of row <paramref name="row"/>.</summary>
    /// <param name="row">0..N-1.</param>
    public ReadOnlySpan<double> Row(int row) => Probabilities.AsSpan(row * ClassCount, ClassCount);
}
