namespace SparkCleanlab.Parquet.Reading;

/// <summary>Where a decoder reports a row it cannot use.</summary>
internal interface IRowProblemSink
{
    /// <summary>Records that <paramref name="row"/> of the batch has <paramref name="kind"/> in <paramref name="column"/>.</summary>
    void Report(int row, string column, RowProblemKind kind, string detail = "");
}
