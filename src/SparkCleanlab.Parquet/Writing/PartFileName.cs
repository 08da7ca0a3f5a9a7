using System.Globalization;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>Spark's part-file naming, so Spark and other readers see a familiar layout.</summary>
internal static class PartFileName
{
    /// <summary><c>part-00000-&lt;runId&gt;.snappy.parquet</c>; part numbers are zero-padded to five digits like Spark's.</summary>
    public static string Of(int part, string runId) =>
        string.Create(CultureInfo.InvariantCulture, $"part-{part:D5}-{runId}.snappy.parquet");
}
