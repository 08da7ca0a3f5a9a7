namespace SparkCleanlab.Plan;

/// <summary>The exit codes as help text.</summary>
internal static class ExitCodeHelp
{
    /// <summary>The help paragraph listing the codes.</summary>
    public const string Text = """
        Exit codes:
          0    success (or nothing changed, with --if-changed)
          2    usage error (unknown option, bad value, output exists or overlaps the input)
          3    input error (missing or mistyped column, invalid row, unreadable or empty file)
          4    internal failure (a bug: please report it with --verbose output)
          5    environment failure (disk full, permission denied, read-only, output locked)
          130  interrupted (SIGINT); 143 terminated (SIGTERM): nothing was published
        """;
}
