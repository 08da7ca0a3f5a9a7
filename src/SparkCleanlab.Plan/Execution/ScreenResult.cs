using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Plan.Execution;

/// <summary>Pass 1's result: the class statistics of the valid rows and the count of invalid ones.</summary>
/// <param name="Statistics">Per-class counts and exact self-confidence sums of the valid rows.</param>
/// <param name="InputRows">Every row read.</param>
/// <param name="InvalidRows">Rows that failed validation.</param>
/// <param name="FirstInvalid">The first invalid row in input order, or null when there is none.</param>
/// <param name="Partitions">Partitions read, when the engine knows them.</param>
/// <param name="PositionLimit">One more than the largest row position the engine gives a valid row (positions order ties).</param>
internal sealed record ScreenResult(ClassStatistics Statistics, long InputRows, long InvalidRows, InvalidRowSample? FirstInvalid, int? Partitions, long PositionLimit) : IScreened;
