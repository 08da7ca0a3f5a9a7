using System.IO;

namespace SparkCleanlab.Job;

/// <summary>
/// Failures of the machine rather than of the input or the code: disk full, read-only file
/// system, permission denied. They exit with <see cref="Plan.ExitCode.Environment"/> and one line.
/// </summary>
internal static class EnvironmentFailure
{
    private const int DiskFull = 28;      // ENOSPC
    private const int ReadOnly = 30;      // EROFS
    private const int QuotaExceeded = 122; // EDQUOT

    /// <summary>A one-line description of <paramref name="e"/> when it is an environment failure, else null.</summary>
    public static string? Describe(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case UnauthorizedAccessException denied:
                    return $"permission denied: {denied.Message} Check the owner and mode of the path, or run as a user who may write there.";
                case IOException io when (io.HResult & 0xFFFF) is DiskFull or QuotaExceeded:
                    return $"no space left: {io.Message} Free space or write the output elsewhere.";
                case IOException io when (io.HResult & 0xFFFF) is ReadOnly:
                    return $"read-only file system: {io.Message} Write the output to a writable location.";
            }
        }

        return null;
    }
}
