using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Local.Validation;

namespace SparkCleanlab.Local.Execution;

/// <summary>Pass 1's result for one partition: its stage 1 state and its invalid rows.</summary>
/// <param name="Statistics">Stage 1 over the valid rows.</param>
/// <param name="Invalid">Invalid rows, in row order.</param>
internal sealed record ScreenedPartition(ClassStatistics Statistics, IReadOnlyList<InvalidRow> Invalid);
