using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>Another live run holds the output's lock file, so this run must not touch the output.</summary>
internal sealed class OutputLockedException(string message) : EnvironmentFailureException(message);
