namespace SparkCleanlab.Job;

/// <summary>The process exit codes, documented in every command's help.</summary>
public static class ExitCodes
{
    /// <summary>The run succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong (unknown option, bad value, output exists).</summary>
    public const int Usage = 2;

    /// <summary>The input is unusable (missing column, invalid row, unreadable file, no rows).</summary>
    public const int Input = 3;

    /// <summary>Anything else: a bug.</summary>
    public const int Internal = 4;

    /// <summary>The environment or the output stopped the run (disk full, read-only or unwritable output, output locked by another run).</summary>
    public const int Environment = 5;

    /// <summary>The help paragraph listing the codes.</summary>
    public const string Help = """
        Exit codes:
          0  success
          2  usage error (unknown option, bad value, output folder exists or overlaps the input)
          3  input error (missing or mistyped column, invalid row, unreadable or empty file)
          4  internal failure
          5  environment or output failure (disk full, read-only or unwritable output, output locked by another run)
        """;
}
