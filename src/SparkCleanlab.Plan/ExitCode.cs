namespace SparkCleanlab.Plan;

/// <summary>The process exit codes of every command and engine.</summary>
public enum ExitCode
{
    /// <summary>The run succeeded (or, with <c>--if-changed</c>, had nothing to do).</summary>
    Success = 0,

    /// <summary>The command line is wrong: unknown option, bad value, output exists or overlaps the input.</summary>
    Usage = 2,

    /// <summary>The input is unusable: missing or mistyped column, invalid row, unreadable or empty file.</summary>
    Input = 3,

    /// <summary>A bug: anything not foreseen.</summary>
    Internal = 4,

    /// <summary>The environment failed: disk full, permission denied, read-only file system, output locked by another run.</summary>
    Environment = 5,

    /// <summary>Stopped by SIGINT (Ctrl-C); nothing was published.</summary>
    Interrupted = 130,

    /// <summary>Stopped by SIGTERM; nothing was published.</summary>
    Terminated = 143,
}
