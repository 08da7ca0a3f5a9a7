namespace SparkCleanlab.Local.Validation;

/// <summary>A row that cannot take part in confident learning.</summary>
/// <param name="Row">Index of the row inside its batch.</param>
/// <param name="Column">The column at fault.</param>
/// <param name="Reason">What is wrong, as written to <c>invalid_reason</c>.</param>
internal readonly record struct InvalidRow(int Row, string Column, string Reason);
