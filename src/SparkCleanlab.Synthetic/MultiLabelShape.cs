namespace SparkCleanlab.Synthetic;

/// <summary>What <see cref="MultiLabelGenerator"/> writes.</summary>
/// <param name="Rows">Rows in all.</param>
/// <param name="Classes">Classes.</param>
/// <param name="Noise">Fraction of rows with one class membership flipped.</param>
/// <param name="Files">Part files.</param>
/// <param name="RowGroups">Row groups per file.</param>
/// <param name="StringLabels">Classes as names (class_0...) instead of indices.</param>
/// <param name="Seed">The same seed writes the same rows.</param>
public sealed record MultiLabelShape(long Rows, int Classes, double Noise, int Files, int RowGroups, bool StringLabels, int Seed);
