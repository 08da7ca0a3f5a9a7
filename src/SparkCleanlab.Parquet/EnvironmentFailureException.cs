namespace SparkCleanlab.Plan;

/// <summary>
/// The machine, not the data or the command line, stopped the run: the disk is full, the file system is
/// read-only, a path is not writable, memory ran out, or another run holds or took the output. The message is one line naming
/// the path and the cause, so the command line can print it as is.
/// </summary>
public class EnvironmentFailureException : Exception
{
    // errno values of Linux, which .NET puts in IOException.HResult on Unix.
    private const int Eio = 5;
    private const int Enospc = 28;
    private const int Erofs = 30;
    private const int Edquot = 122;

    /// <summary>Creates the exception with its one-line message.</summary>
    public EnvironmentFailureException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>
    /// The environment failure behind <paramref name="exception"/> (itself, or an I/O error with a known cause
    /// anywhere in its inner exceptions), or null when it is something else.
    /// </summary>
    public static EnvironmentFailureException? Of(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = (e as AggregateException)?.InnerExceptions.FirstOrDefault() ?? e.InnerException)
        {
            switch (e)
            {
                case EnvironmentFailureException failure: return failure;
                case OutOfMemoryException oom: return new EnvironmentFailureException(
                    "Out of memory. Lower --threads or --memory-mb, run on a machine with more memory, or rewrite the input with smaller row groups or pages (a Parquet page is decoded whole)", oom);
                case UnauthorizedAccessException denied: return new EnvironmentFailureException($"Permission denied: {OneLine(denied.Message)}", denied);
                case IOException io when CauseOf(io) is { } cause: return new EnvironmentFailureException($"{cause}: {OneLine(io.Message)}", io);
            }
        }
        return null;
    }

    private static string? CauseOf(IOException io) => io.HResult switch
    {
        Enospc => "No space left on the device",
        Edquot => "Disk quota exceeded",
        Erofs => "The file system is read-only",
        Eio => "The device reported an I/O error",
        _ => null,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
