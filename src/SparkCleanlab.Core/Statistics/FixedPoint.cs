namespace SparkCleanlab.Core.Statistics;

/// <summary>
/// Exact, order-independent sums of probabilities. Each value in [0, 1] becomes the integer
/// <c>(long)(p * 2^62)</c> (multiplying by a power of two is exact; the cast truncates), and
/// integers add associatively, so any partitioning and merge order gives the same bits.
/// The Spark engine computes the same integer with <c>CAST(p * 2^62 AS BIGINT)</c> and sums it
/// as <c>DECIMAL(38,0)</c>. The truncation costs at most 2^-62 per row, far below 1e-9.
/// </summary>
internal static class FixedPoint
{
    /// <summary>2^62, the scale of one unit.</summary>
    public const double Scale = 4611686018427387904.0;

    /// <summary>The fixed-point integer of one probability.</summary>
    public static long ToUnits(double probability) => (long)(probability * Scale);

    /// <summary>The mean of <paramref name="count"/> values whose fixed-point sum is <paramref name="units"/>.</summary>
    public static double Mean(Int128 units, long count) => (double)units / Scale / count;
}
