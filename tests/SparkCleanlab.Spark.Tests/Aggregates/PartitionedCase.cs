using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Spark.Tests.Aggregates;

/// <summary>
/// A golden case cut into part files as Spark reads them: each row's position is
/// <c>fileOrdinal * 2^32 + rowIndex</c>, so positions jump between files.
/// </summary>
public sealed class PartitionedCase
{
    public PartitionedCase(GoldenCase golden, int fileCount)
    {
        Golden = golden;
        var size = (golden.RowCount + fileCount - 1) / fileCount;
        Files = Enumerable.Range(0, fileCount)
            .Select(f => (Start: f * size, Length: Math.Max(0, Math.Min(size, golden.RowCount - (f * size)))))
            .ToList();
        PositionLimit = (long)fileCount << 32;
    }

    public GoldenCase Golden { get; }

    public IReadOnlyList<(int Start, int Length)> Files { get; }

    /// <summary>An exclusive bound of the positions.</summary>
    public long PositionLimit { get; }

    public int ClassCount => Golden.ClassCount;

    /// <summary>The rows of one file as a batch positioned where Spark's <c>__pos</c> puts it.</summary>
    public RowBatch File(int ordinal)
    {
        var (start, length) = Files[ordinal];
        var k = Golden.ClassCount;
        return new RowBatch(Golden.Labels.AsSpan(start, length), Golden.Probabilities.AsSpan(start * k, length * k), k, (long)ordinal << 32);
    }

    /// <summary>Every row with its label, probabilities and position.</summary>
    public IEnumerable<(int Index, int Label, double[] Row, long Position)> Rows()
    {
        for (var f = 0; f < Files.Count; f++)
        {
            var (start, length) = Files[f];
            for (var i = 0; i < length; i++)
            {
                yield return (start + i, Golden.Labels[start + i], Golden.Row(start + i).ToArray(), ((long)f << 32) + i);
            }
        }
    }

    /// <summary>The row index (in data.csv) of a position.</summary>
    public int IndexOf(long position) => Files[(int)(position >> 32)].Start + (int)(position & 0xFFFFFFFF);
}
