namespace SparkCleanlab.Plan;

/// <summary>The command line cannot be understood: an unknown option, a missing or bad value. The message says which and why.</summary>
public sealed class UsageException(string message) : Exception(message);
