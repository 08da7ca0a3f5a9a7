namespace SparkCleanlab.Parquet.Reading;

/// <summary>A structural problem of one row of a batch.</summary>
/// <param name="Row">The row's index inside its batch (add the batch's first position for the global one).</param>
/// <param name="Column">The column at fault.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">Specifics, such as the offending value or length; may be empty.</param>
internal readonly record struct RowProblem(int Row, string Column, RowProblemKind Kind, string Detail);
