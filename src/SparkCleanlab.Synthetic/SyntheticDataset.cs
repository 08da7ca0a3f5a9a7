namespace SparkCleanlab.Synthetic;

/// <summary>Rows to write as a Parquet data set: given labels, probabilities, and optionally true labels, features and ids.</summary>
/// <param name="ClassCount">K.</param>
/// <param name="Probabilities">Row-major, <c>rows * K</c> values.</param>
internal sealed record SyntheticDataset(int ClassCount, double[] Probabilities)
{
    /// <summary>Given labels as class indices; set this or <see cref="LabelNames"/>.</summary>
    public int[]? Labels { get; init; }

    /// <summary>Given labels as class names (a null entry writes a null label).</summary>
    public string?[]? LabelNames { get; init; }

    /// <summary>Optional true labels (class indices), for generated data with known noise.</summary>
    public int[]? TrueLabels { get; init; }

    /// <summary>Optional numeric feature columns, each one value per row, written as <c>feature_0</c>, <c>feature_1</c>, ...</summary>
    public IReadOnlyList<float[]>? Features { get; init; }

    /// <summary>Optional row ids.</summary>
    public long[]? Ids { get; init; }

    /// <summary>Class names, used to name class columns when <see cref="SyntheticLayout.NameClassColumns"/> is set.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Probabilities.Length / ClassCount;
}
