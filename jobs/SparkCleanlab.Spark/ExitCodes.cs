namespace SparkCleanlab.Spark;

/// <summary>The process exit codes, the same as the local job's: DotnetRunner fails the Spark application on any non-zero code.</summary>
internal static class ExitCodes
{
    /// <summary>The run committed its output.</summary>
    public const int Success = 0;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The input is unusable (schema, invalid rows under the fail policy).</summary>
    public const int InvalidInput = 3;

    /// <summary>Anything else: a Spark failure or a bug; nothing was committed.</summary>
    public const int Internal = 4;
}
