using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.ML.Parquet;

/// <summary>Keeps the first problem a decoder reports: training refuses the input at its first bad label.</summary>
internal sealed class FirstRowProblem : IRowProblemSink
{
    /// <summary>The first problem reported, or null.</summary>
    public RowProblem? First { get; private set; }

    /// <inheritdoc/>
    public void Report(int row, string column, RowProblemKind kind, string detail = "") => First ??= new RowProblem(row, column, kind, detail);
}
