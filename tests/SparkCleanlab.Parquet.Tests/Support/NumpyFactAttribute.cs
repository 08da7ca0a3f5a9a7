using System.Diagnostics;

namespace SparkCleanlab.Parquet.Tests.Support;

/// <summary>A fact that runs only where a Python with numpy is found, and is skipped, saying so, elsewhere.</summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    public NumpyFactAttribute()
    {
        if (Numpy.Interpreter is null) Skip = $"No Python that imports numpy ({string.Join(", ", Numpy.Candidates)}): install Debian's python3-numpy package with 'apt-get install -y python3-numpy'.";
    }
}

/// <summary>Runs Python scripts with the first interpreter that imports numpy.</summary>
public static class Numpy
{
    // The python3 on PATH may be a version manager's without numpy while the system's has it.
    public static readonly string[] Candidates = ["python3", "/usr/bin/python3"];

    private static readonly Lazy<string?> Found = new(() => Candidates.FirstOrDefault(c => Run(c, "import numpy").Code == 0));

    /// <summary>The interpreter scripts run with, or null when none imports numpy.</summary>
    public static string? Interpreter => Found.Value;

    public static (int Code, string Error) Run(string script, params string[] args) => Run(Interpreter ?? Candidates[0], script, args);

    private static (int Code, string Error) Run(string interpreter, string script, params string[] args)
    {
        var start = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
