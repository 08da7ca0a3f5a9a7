namespace SparkCleanlab.Plan.Execution;

/// <summary>Where an invalid row is and why, for the error that stops a run under <see cref="InvalidRowPolicy.Fail"/>.</summary>
/// <param name="File">The file holding the row.</param>
/// <param name="Row">The row's index in its row group when <paramref name="RowGroup"/> is given, else in its file.</param>
/// <param name="Column">The column at fault.</param>
/// <param name="Reason">The <c>invalid_reason</c> text.</param>
/// <param name="RowGroup">The Parquet row group holding the row, where the engine knows it.</param>
internal sealed record InvalidRowSample(string File, long Row, string Column, string Reason, int? RowGroup = null);
