using SparkCleanlab.Parquet.Reading.Slices;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>One row group as its file's footer describes it.</summary>
/// <param name="RowCount">Its rows.</param>
/// <param name="ColumnBytes">What all its column chunks decode to, values and levels.</param>
/// <param name="WholeReadBytes">The part of <paramref name="ColumnBytes"/> in columns read whole, not in slices (<see cref="LeafCursor.CanSlice"/>).</param>
internal sealed record RowGroupFooter(long RowCount, long ColumnBytes, long WholeReadBytes);
