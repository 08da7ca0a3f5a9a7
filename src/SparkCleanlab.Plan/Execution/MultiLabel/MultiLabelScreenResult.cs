using SparkCleanlab.Core.MultiLabel;

namespace SparkCleanlab.Plan.Execution.MultiLabel;

/// <summary>Pass 1's result: each class's one-vs-rest statistics of the valid rows, and the invalid ones.</summary>
/// <param name="Statistics">Per class, the binary counts and exact sums of the valid rows.</param>
/// <param name="InputRows">Every row read.</param>
/// <param name="InvalidRows">Rows that failed validation.</param>
/// <param name="FirstInvalid">The first invalid row in input order, or null.</param>
/// <param name="Partitions">Partitions read, when the engine knows them.</param>
/// <param name="PositionLimit">
/// Every row position is below this; null when positions count the valid rows from 0, as on the
/// local engine. Spark's positions (file ordinal * 2^32 + row index) are sparse.
/// </param>
internal sealed record MultiLabelScreenResult(MultiLabelClassStatistics Statistics, long InputRows, long InvalidRows, InvalidRowSample? FirstInvalid, int? Partitions, long? PositionLimit = null) : IScreened;
